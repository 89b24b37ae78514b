import type { SessionReply } from '@kern/contracts';
import { forbidden, unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { Throttle } from '../throttling/throttle';
import { UsersRepository } from '../users/users.repository';
import { SessionIssuer } from './session-issuer';

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
    await this.throttle.assertMayTryLogin(input.email, clientAddress);
    const user = await this.users.findByEmail(input.email);
    // Verified even for an unknown e-mail (against a decoy), and one message for both failures,
    // so neither the answer nor its timing tells whether the account exists.
    const valid = await this.passwords.verify(user?.passwordHash, input.password);
    await this.throttle.recordLogin(input.email, clientAddress, Boolean(user && valid));
    if (!user || !valid) {
      await this.audit.record({ action: 'LOGIN_FAILED', subjectUserId: user?.id ?? null, clientAddress, details: { email: input.email } });
      throw unauthenticated('Wrong e-mail address or password');
    }
    // Said only to someone who knows the password: it reveals nothing to a guesser.
    if (user.suspendedAt) throw forbidden('This account is suspended');
    return (await this.sessions.issue(user)).reply;
  }
}
