import type { SessionReply } from '@kern/contracts';
import { forbidden, unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { Throttle } from '../throttling/throttle';
import { UsersRepository } from '../users/users.repository';
import { SessionIssuer } from './session-issuer';

/** One message for every failure, so the answer never tells which part was wrong or whether an account exists. */
export const SIGN_IN_FAILED = 'Wrong e-mail address or password, or the address is not confirmed yet';

@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly throttle: Throttle,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(input: { email: string; password: string; clientAddress?: string }): Promise<SessionReply> {
    const clientAddress = input.clientAddress ?? null;
    const attempt = await this.throttle.reserveLogin(input.email, clientAddress);
    const user = await this.users.findForSignIn(input.email);
    // Verified even for an unknown e-mail (against a decoy), so the timing does not tell either.
    const valid = await this.passwords.verify(user?.passwordHash, input.password).catch(async (error: unknown) => {
      await attempt.cancel();
      throw error;
    });
    // An unconfirmed account only claims its address (anyone may register with any address), so
    // its password does not sign in; otherwise a registration would tell whether the address was taken.
    const signedIn = Boolean(user && valid && user.emailVerifiedAt);
    await (signedIn ? attempt.succeeded() : attempt.failed());
    await this.throttle.recordLogin(input.email, clientAddress, signedIn);
    if (!user || !signedIn) {
      await this.audit.record({
        action: 'LOGIN_FAILED',
        subjectUserId: user?.id ?? null,
        clientAddress,
        details: { email: input.email },
      });
      throw unauthenticated(SIGN_IN_FAILED);
    }
    // Said only to someone who knows the password: it reveals nothing to a guesser.
    if (user.suspendedAt) throw forbidden('This account is suspended');
    return (await this.sessions.issue(user)).reply;
  }
}
