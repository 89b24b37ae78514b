import type { PlatformRole, Principal, UserReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { badInput, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { AccessRevocations } from '../access-revocations/access-revocations';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { toUserReply } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { assertAdminWriter } from './assert-admin';

/**
 * Grants or revokes a platform role. Either way the user's access tokens issued before stop
 * working (refused with reason TOKEN_OUTDATED, which says: refresh); the refreshed ones carry the
 * change. For a revocation that ends the tokens carrying the role; for a grant it spares the user
 * a token that silently lacks the role until it expires.
 */
@Injectable()
export class ChangeRoleUseCase {
  constructor(
    private readonly database: Database,
    private readonly users: UsersRepository,
    private readonly revocations: AccessRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(
    change: 'grant' | 'revoke',
    input: { userId: string; role: PlatformRole },
    principal: Principal,
  ): Promise<UserReply> {
    assertAdminWriter(principal);
    const { user, revocation } = await this.database.transaction(async () => {
      const current = await this.users.findByIdForUpdate(input.userId);
      if (!current) throw notFound('User');
      // Platform roles reach into internal spaces, so a customer holding one would cross the boundary.
      if (change === 'grant' && current.kind !== 'EMPLOYEE')
        throw badInput('Platform roles are for employees only', { field: 'userId' });
      const has = current.roles.includes(input.role);
      if ((change === 'grant') === has) return { user: current, revocation: null };
      const roles =
        change === 'grant' ? [...current.roles, input.role] : current.roles.filter((role) => role !== input.role);
      await this.users.update(current.id, { roles });
      const revoked = await this.revocations.revokeIn(current.id);
      await this.audit.record({
        action: change === 'grant' ? 'ROLE_GRANTED' : 'ROLE_REVOKED',
        actorId: principal.userId,
        subjectUserId: current.id,
        details: { role: input.role },
      });
      return { user: { ...current, roles }, revocation: revoked };
    });
    if (revocation) await this.revocations.publish(revocation);
    return toUserReply(user, principal);
  }
}
