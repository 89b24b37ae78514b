import type { SessionReply } from '@kern/contracts';
import { unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../passwords/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { SessionIssuer } from './session-issuer';

@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(input: { email: string; password: string }): Promise<SessionReply> {
    const user = await this.users.findByEmail(input.email);
    // Verified even for an unknown e-mail (against a decoy), and one message for both failures,
    // so neither the answer nor its timing tells whether the account exists.
    const valid = await this.passwords.verify(user?.passwordHash, input.password);
    if (!user || !valid) throw unauthenticated('Wrong e-mail address or password');
    return this.sessions.start(user);
  }
}
