import { identityEvents, type SessionReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { badInput } from '@kern/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { hashToken } from '../common/tokens';
import { VerificationMail } from '../email-verification/verification-mail';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertAcceptablePassword } from '../passwords/password-policy';
import { SessionIssuer } from '../sessions/session-issuer';
import { Throttle } from '../throttling/throttle';
import type { UserRecord } from './user.record';
import { UsersRepository } from './users.repository';

export interface RegisterUserInput {
  email: string;
  password: string;
  displayName: string;
  handle: string;
  invitationToken?: string;
  clientAddress?: string;
}

/**
 * Nobody becomes an EMPLOYEE by registering: a new account is a CUSTOMER with an unverified address,
 * unless it redeems an invitation (for that address), which gives the invitation's kind at once.
 */
@Injectable()
export class RegisterUserUseCase {
  private readonly logger = new Logger(RegisterUserUseCase.name);

  constructor(
    private readonly database: Database,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly throttle: Throttle,
    private readonly verificationMail: VerificationMail,
    private readonly audit: AuditLogRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(input: RegisterUserInput): Promise<SessionReply> {
    const clientAddress = input.clientAddress ?? null;
    assertAcceptablePassword(input.password);
    // An invitation is someone's word for the newcomer, so it is exempt from the address limit.
    if (!input.invitationToken) await this.throttle.assertMayRegister(clientAddress);
    const account = {
      email: input.email,
      handle: input.handle,
      displayName: input.displayName,
      kind: 'CUSTOMER' as const,
      roles: [],
      passwordHash: await this.passwords.hash(input.password),
      emailVerifiedAt: null,
    };
    const user = input.invitationToken ? await this.redeemInvitation(account, input.invitationToken) : await this.users.insert(account);
    if (!input.invitationToken) {
      await this.throttle.recordRegistration(input.email, clientAddress);
      await this.sendVerification(user);
    }
    return (await this.sessions.issue(user)).reply;
  }

  /** The account, its kind and the event that lets the spaces service add them to their spaces: all or nothing. */
  private async redeemInvitation(account: Parameters<UsersRepository['insert']>[0], token: string): Promise<UserRecord> {
    const user = await this.database.transaction(async () => {
      const user = await this.users.insert(account);
      const invitation = await this.invitations.accept(hashToken(token), account.email, user.id);
      if (!invitation) throw badInput('This invitation is invalid, used, expired or for another e-mail address', { field: 'invitationToken' });
      // The invitation reached this address, which proves it as well as a verification link would.
      const changes = { kind: invitation.kind, emailVerifiedAt: new Date() };
      await this.users.update(user.id, changes);
      await this.audit.record({ action: 'INVITATION_ACCEPTED', actorId: user.id, subjectUserId: user.id, details: { invitationId: invitation.id, kind: invitation.kind } });
      await this.outbox.add(identityEvents.invitationAccepted, {
        invitationId: invitation.id,
        userId: user.id,
        kind: invitation.kind,
        spaceIds: invitation.spaceIds,
        invitedBy: invitation.invitedBy,
      });
      return { ...user, ...changes };
    });
    this.relay.kick();
    return user;
  }

  /** The account exists either way; a mail server that is down must not undo the registration. */
  private async sendVerification(user: UserRecord) {
    await this.verificationMail.send(user).catch((error: unknown) => {
      this.logger.error({ msg: 'could not send the verification e-mail; the user can ask again', userId: user.id, error: String(error) });
    });
  }
}
