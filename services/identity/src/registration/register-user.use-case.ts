import { identityEvents, type SessionReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { hashToken } from '../common/tokens';
import { RegistrationMail } from '../email-verification/registration-mail';
import { InvitationsRepository, type InvitationRecord } from '../invitations/invitations.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertAcceptablePassword } from '../passwords/password-policy';
import { SessionIssuer } from '../sessions/session-issuer';
import { Throttle } from '../throttling/throttle';
import type { NewUser, UserRecord } from '../users/user.record';
import { UsersRepository } from '../users/users.repository';

export interface RegisterUserInput {
  email: string;
  password: string;
  displayName: string;
  handle: string;
  invitationToken?: string;
  clientAddress?: string;
}

const INVALID_INVITATION = 'This invitation is invalid, used, expired or for another e-mail address';

/**
 * Nobody becomes an EMPLOYEE by registering: a new account is a CUSTOMER whose address is only
 * claimed until confirmed, unless it redeems an invitation (for that address), which gives the
 * invitation's kind and the address at once. The answer is the same whether or not the address has
 * an account already (the owner is mailed instead of the newcomer); cheap checks and the address
 * limit come before the password is hashed.
 */
@Injectable()
export class RegisterUserUseCase {
  constructor(
    private readonly database: Database,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly throttle: Throttle,
    private readonly registrationMail: RegistrationMail,
    private readonly audit: AuditLogRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(input: RegisterUserInput): Promise<SessionReply> {
    assertAcceptablePassword(input.password);
    const tokenHash = input.invitationToken ? hashToken(input.invitationToken) : null;
    const invitation = tokenHash ? await this.invitations.findUsable(tokenHash, input.email) : null;
    // A valid invitation is someone's word for the newcomer, so it is exempt from the address
    // limit; every other attempt counts, a bogus invitation and a taken handle included.
    const reservation = invitation ? null : await this.throttle.reserveRegistration(input.clientAddress ?? null);
    if (tokenHash && !invitation) throw badInput(INVALID_INVITATION, { field: 'invitationToken' });
    const passwordHash = await this.passwords.hash(input.password).catch(async (error: unknown) => {
      await reservation?.cancel();
      throw error;
    });
    const account: NewUser = {
      email: input.email,
      handle: input.handle,
      displayName: input.displayName,
      kind: 'CUSTOMER',
      roles: [],
      passwordHash,
      emailVerifiedAt: null,
    };
    if (tokenHash && invitation)
      return (await this.sessions.issue(await this.redeemInvitation(account, invitation, tokenHash))).reply;
    const user = await this.users.insert(account);
    this.registrationMail.sendLater(user);
    return (await this.sessions.issue(user)).reply;
  }

  /** The account, its kind and the event that lets the spaces service add them to their spaces: all or nothing. */
  private async redeemInvitation(
    account: NewUser,
    invitation: InvitationRecord,
    tokenHash: string,
  ): Promise<UserRecord> {
    const user = await this.database.transaction(async () => {
      // The invitation reached this address, which proves it as well as a verification link would.
      const user = await this.users.insert({ ...account, kind: invitation.kind, emailVerifiedAt: new Date() });
      // Used up atomically: of two registrations racing with one token, only one gets here.
      const accepted = await this.invitations.accept(tokenHash, account.email, user.id);
      if (!accepted) throw badInput(INVALID_INVITATION, { field: 'invitationToken' });
      await this.audit.record({
        action: 'INVITATION_ACCEPTED',
        actorId: user.id,
        subjectUserId: user.id,
        details: { invitationId: accepted.id, kind: accepted.kind },
      });
      await this.outbox.add(identityEvents.invitationAccepted, {
        invitationId: accepted.id,
        userId: user.id,
        kind: accepted.kind,
        spaceIds: accepted.spaceIds,
        invitedBy: accepted.invitedBy,
      });
      return user;
    });
    this.relay.kick();
    return user;
  }
}
