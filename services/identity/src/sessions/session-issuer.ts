import type { SessionReply, UserPrincipal } from '@kern/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { TokenSigner } from '../signing-keys/token-signer';
import { toUserReply } from '../users/user.mapper';
import type { UserRecord } from '../users/user.record';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** A recognisable prefix lets secret scanners find leaked refresh tokens. */
const REFRESH_TOKEN_PREFIX = 'kern_rt_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for a user who proved who they are: a short-lived access token and a refresh token. */
@Injectable()
export class SessionIssuer {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly signer: TokenSigner,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async start(user: UserRecord): Promise<SessionReply> {
    const principal: UserPrincipal = { kind: user.kind, userId: user.id, roles: user.roles, scopes: ['READ', 'WRITE'] };
    const access = await this.signer.sign(principal);
    const refreshToken = REFRESH_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      userId: user.id,
      familyId: randomUUID(),
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return {
      accessToken: access.token,
      refreshToken,
      expiresAt: access.expiresAt.toISOString(),
      user: toUserReply(user, principal),
    };
  }
}
