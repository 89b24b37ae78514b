import type { MemberKind, Principal, UserReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { AccessRevocations } from '../access-revocations/access-revocations';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { EmailVerificationsRepository } from '../email-verification/email-verifications.repository';
import { RefreshTokensRepository } from '../sessions/refresh-tokens.repository';
import { toUserReply } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { assertAdminWriter } from './assert-admin';

/**
 * An admin changes someone's kind (an employee leaves: EMPLOYEE -> CUSTOMER). It counts at once:
 * refresh tokens are revoked and access tokens issued before stop working at the gateway. A customer
 * holds no platform role, so becoming one strips them. Their unused verification links end too.
 */
@Injectable()
export class SetUserKindUseCase {
  constructor(
    private readonly database: Database,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly verifications: EmailVerificationsRepository,
    private readonly revocations: AccessRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(input: { userId: string; kind: MemberKind }, principal: Principal): Promise<UserReply> {
    assertAdminWriter(principal);
    const { user, revocation } = await this.database.transaction(async () => {
      const current = await this.users.findByIdForUpdate(input.userId);
      if (!current) throw notFound('User');
      if (current.kind === input.kind) return { user: current, revocation: null };
      const roles = input.kind === 'CUSTOMER' ? [] : current.roles;
      await this.users.update(current.id, { kind: input.kind, roles });
      await this.refreshTokens.revokeAllOfUser(current.id);
      // A spare verification link would otherwise undo the decision (a company address makes an EMPLOYEE).
      await this.verifications.invalidateForUser(current.id);
      const revoked = await this.revocations.revokeIn(current.id);
      await this.audit.record({
        action: 'KIND_CHANGED',
        actorId: principal.userId,
        subjectUserId: current.id,
        details: {
          from: current.kind,
          to: input.kind,
          rolesRemoved: current.roles.filter((role) => !roles.includes(role)),
        },
      });
      return { user: { ...current, kind: input.kind, roles }, revocation: revoked };
    });
    if (revocation) await this.revocations.publish(revocation);
    return toUserReply(user, principal);
  }
}
