import type { Principal, UserReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { badInput, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { AccessRevocations } from '../access-revocations/access-revocations';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { RefreshTokensRepository } from '../sessions/refresh-tokens.repository';
import { toUserReply } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { assertAdminWriter } from './assert-admin';

/**
 * Suspends an account (no sign-in, no refresh, no API tokens, access tokens end at the gateway) or
 * lifts the suspension (the user signs in again).
 */
@Injectable()
export class SetSuspensionUseCase {
  constructor(
    private readonly database: Database,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly revocations: AccessRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(
    input: { userId: string; suspend: boolean; reason?: string },
    principal: Principal,
  ): Promise<UserReply> {
    assertAdminWriter(principal);
    if (input.suspend && input.userId === principal.userId)
      throw badInput('Admins cannot suspend themselves', { field: 'userId' });
    const { user, revocation } = await this.database.transaction(async () => {
      const current = await this.users.findByIdForUpdate(input.userId);
      if (!current) throw notFound('User');
      if (Boolean(current.suspendedAt) === input.suspend) return { user: current, revocation: null };
      const changes = input.suspend
        ? { suspendedAt: new Date(), suspendedReason: input.reason ?? null }
        : { suspendedAt: null, suspendedReason: null };
      await this.users.update(current.id, changes);
      let revoked = null;
      if (input.suspend) {
        await this.refreshTokens.revokeAllOfUser(current.id);
        revoked = await this.revocations.revokeIn(current.id);
      }
      await this.audit.record({
        action: input.suspend ? 'USER_SUSPENDED' : 'USER_UNSUSPENDED',
        actorId: principal.userId,
        subjectUserId: current.id,
        details: input.reason ? { reason: input.reason } : {},
      });
      return { user: { ...current, ...changes }, revocation: revoked };
    });
    if (revocation) await this.revocations.publish(revocation);
    return toUserReply(user, principal);
  }
}
