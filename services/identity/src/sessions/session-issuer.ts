import { TOKEN_PREFIX, type SessionReply } from '@kern/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { hashToken, newToken } from '../common/tokens';
import { TokenSigner } from '../signing-keys/token-signer';
import { sessionPrincipal, toUserReply } from '../users/user.mapper';
import type { UserRecord } from '../users/user.record';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Issues a short-lived access token and a refresh token for a user who proved who they are. */
@Injectable()
export class SessionIssuer {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly signer: TokenSigner,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  /**
   * A session in `familyId` (a new family for a new sign-in; the same one for a rotation, so that
   * reuse of any member can revoke them all), with `refreshToken` when the caller made it (a
   * rotation derives it). Returns the new refresh token's id with the reply.
   */
  async issue(
    user: UserRecord,
    familyId: string = randomUUID(),
    refreshToken: string = newToken(TOKEN_PREFIX.refreshToken),
  ): Promise<{ reply: SessionReply; refreshTokenId: string }> {
    const refreshTokenId = randomUUID();
    await this.refreshTokens.insert({
      id: refreshTokenId,
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return { refreshTokenId, reply: await this.reply(user, refreshToken) };
  }

  /** A fresh access token beside a refresh token that exists already (the same successor, handed out again). */
  async reply(user: UserRecord, refreshToken: string): Promise<SessionReply> {
    const principal = sessionPrincipal(user);
    const access = await this.signer.sign(principal, user.tokenVersion);
    return {
      accessToken: access.token,
      refreshToken,
      expiresAt: access.expiresAt.toISOString(),
      user: toUserReply(user, principal),
    };
  }
}
