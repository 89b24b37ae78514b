import type { UserReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { badInput } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { AccessRevocations } from '../access-revocations/access-revocations';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { hashToken } from '../common/tokens';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { sessionPrincipal, toUserReply } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { EmailVerificationsRepository } from './email-verifications.repository';

/**
 * Confirms an address. The first confirmation on one of the company's domains (KERN_EMPLOYEE_DOMAINS)
 * is what makes a CUSTOMER account an EMPLOYEE: proof of a company mailbox, never a claim. A later
 * link proves nothing new, so it promotes nobody (an admin's demotion sticks). The user's access
 * tokens predate the confirmation: they are refused with "refresh", and the refreshed ones carry it.
 */
@Injectable()
export class ConfirmEmailUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly database: Database,
    private readonly verifications: EmailVerificationsRepository,
    private readonly users: UsersRepository,
    private readonly revocations: AccessRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(input: { token: string }): Promise<UserReply> {
    const outcome = await this.database.transaction(async () => {
      const verification = await this.verifications.use(hashToken(input.token));
      if (!verification) return null;
      const current = await this.users.findByIdForUpdate(verification.userId);
      // A link sent to an address the account no longer has proves nothing about the current one.
      if (!current || current.email.toLowerCase() !== verification.email.toLowerCase()) return null;
      if (current.emailVerifiedAt) return { user: current, revocation: null };
      const becomesEmployee = current.kind === 'CUSTOMER' && this.isEmployeeDomain(current.email);
      const changes = { emailVerifiedAt: new Date(), ...(becomesEmployee ? { kind: 'EMPLOYEE' as const } : {}) };
      // Another account that confirmed the address first makes this a CONFLICT (one owner per address).
      await this.users.update(current.id, changes);
      const revocation = await this.revocations.revokeIn(current.id);
      await this.audit.record({
        action: 'EMAIL_VERIFIED',
        actorId: current.id,
        subjectUserId: current.id,
        details: { becameEmployee: becomesEmployee },
      });
      return { user: { ...current, ...changes }, revocation };
    });
    if (!outcome) throw badInput('This verification link is invalid, used or expired', { field: 'token' });
    if (outcome.revocation) await this.revocations.publish(outcome.revocation);
    return toUserReply(outcome.user, sessionPrincipal(outcome.user));
  }

  private isEmployeeDomain(email: string): boolean {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    return this.config.KERN_EMPLOYEE_DOMAINS.includes(domain);
  }
}
