import type { SessionReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { forbidden, unauthenticated } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { hashToken } from '../common/tokens';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { UsersRepository } from '../users/users.repository';
import { RefreshTokensRepository, type RefreshTokenRecord } from './refresh-tokens.repository';
import { SessionIssuer } from './session-issuer';

/**
 * Rotates a refresh token: the presented one is used up and a new one in the same family returned.
 * A used-up token presented again means it was copied: the whole family is revoked (the thief's and
 * the owner's sessions end; the owner signs in again). Within a short grace period after rotation
 * it is taken for a client that lost the response, and rotated once more instead.
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
    if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
    if (token.rotatedAt && !this.withinGrace(token)) {
      await this.refreshTokens.revokeFamily(token.familyId);
      await this.audit.record(
        { action: 'REFRESH_TOKEN_REUSED', subjectUserId: token.userId, clientAddress: input.clientAddress ?? null, details: { familyId: token.familyId } },
      );
      return { kind: 'reused' };
    }
    const user = await this.users.findById(token.userId);
    if (!user) return { kind: 'invalid' };
    if (user.suspendedAt) {
      await this.refreshTokens.revokeFamily(token.familyId);
      return { kind: 'suspended' };
    }
    // A retry within the grace period replaces the successor the client never received.
    if (token.replacedBy) await this.refreshTokens.revoke(token.replacedBy);
    const { reply, refreshTokenId } = await this.sessions.issue(user, token.familyId);
    await this.refreshTokens.markRotated(token.id, refreshTokenId);
    return { kind: 'rotated', session: reply };
  }

  private withinGrace(token: RefreshTokenRecord): boolean {
    return Date.now() - token.rotatedAt!.getTime() <= this.config.REFRESH_TOKEN_REUSE_GRACE_SECONDS * 1000;
  }
}

type Outcome = { kind: 'rotated'; session: SessionReply } | { kind: 'reused' } | { kind: 'suspended' } | { kind: 'invalid' };
