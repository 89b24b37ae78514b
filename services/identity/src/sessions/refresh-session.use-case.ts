import { TOKEN_PREFIX, type SessionReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { forbidden, unauthenticated } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { hashToken } from '../common/tokens';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { UsersRepository } from '../users/users.repository';
import { RefreshTokensRepository, type RefreshTokenRecord } from './refresh-tokens.repository';
import { SessionIssuer } from './session-issuer';

/**
 * Rotates a refresh token: the presented one is used up and a successor in the same family returned.
 * Presented again within a short grace period, while its successor is still unused, it is taken for
 * a client that lost the response and answered with the same successor (nobody's session is taken
 * over). Any other use of a used-up or revoked token means it was copied: the whole family is
 * revoked (the thief's and the owner's sessions end; the owner signs in again) and it is audited.
 *
 * Tokens are stored as hashes only, so the successor is derived, not kept: an HMAC of a random salt
 * (stored) keyed with the presented token (not stored). The database alone yields no usable token.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly database: Database,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionIssuer,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(input: { refreshToken: string; clientAddress?: string }): Promise<SessionReply> {
    const outcome = await this.database.transaction(() => this.decide(input));
    switch (outcome.kind) {
      case 'rotated':
        return outcome.session;
      case 'reused':
        throw unauthenticated('This refresh token was already used; sign in again');
      case 'suspended':
        throw forbidden('This account is suspended');
      case 'invalid':
        throw unauthenticated('The refresh token is invalid or expired');
    }
  }

  /** Decides inside the transaction, so a revocation is committed even though the caller gets an error. */
  private async decide(input: { refreshToken: string; clientAddress?: string }): Promise<Outcome> {
    const token = await this.refreshTokens.findForUpdate(hashToken(input.refreshToken));
    if (!token) return { kind: 'invalid' };
    if (token.revokedAt) return this.revokeFamily(token, input.clientAddress, 'revoked');
    if (token.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
    const user = await this.users.findById(token.userId);
    if (!user) return { kind: 'invalid' };
    if (user.suspendedAt) {
      await this.refreshTokens.revokeFamily(token.familyId);
      return { kind: 'suspended' };
    }
    if (!token.rotatedAt) {
      const salt = randomBytes(32);
      const { reply, refreshTokenId } = await this.sessions.issue(
        user,
        token.familyId,
        successorOf(input.refreshToken, salt),
      );
      await this.refreshTokens.markRotated(token.id, refreshTokenId, salt);
      return { kind: 'rotated', session: reply };
    }
    if (!this.withinGrace(token)) return this.revokeFamily(token, input.clientAddress, 'used');
    // The response was lost only if nobody has used the successor since.
    const successor = token.replacedBy ? await this.refreshTokens.findByIdForUpdate(token.replacedBy) : null;
    if (!successor || successor.rotatedAt || successor.revokedAt || !token.successorSalt)
      return this.revokeFamily(token, input.clientAddress, 'used');
    return {
      kind: 'rotated',
      session: await this.sessions.reply(user, successorOf(input.refreshToken, token.successorSalt)),
    };
  }

  private async revokeFamily(
    token: RefreshTokenRecord,
    clientAddress: string | undefined,
    was: 'used' | 'revoked',
  ): Promise<Outcome> {
    await this.refreshTokens.revokeFamily(token.familyId);
    await this.audit.record({
      action: 'REFRESH_TOKEN_REUSED',
      subjectUserId: token.userId,
      clientAddress: clientAddress ?? null,
      details: { familyId: token.familyId, was },
    });
    return { kind: 'reused' };
  }

  private withinGrace(token: RefreshTokenRecord): boolean {
    return Date.now() - token.rotatedAt!.getTime() <= this.config.REFRESH_TOKEN_REUSE_GRACE_SECONDS * 1000;
  }
}

function successorOf(refreshToken: string, salt: Buffer): string {
  return TOKEN_PREFIX.refreshToken + createHmac('sha256', refreshToken).update(salt).digest('base64url');
}

type Outcome =
  { kind: 'rotated'; session: SessionReply } | { kind: 'reused' } | { kind: 'suspended' } | { kind: 'invalid' };
