import type { SessionReply } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionIssuer } from '../sessions/session-issuer';
import { UsersRepository } from './users.repository';

export interface RegisterUserInput {
  email: string;
  password: string;
  displayName: string;
  handle: string;
  invitationToken?: string;
}

@Injectable()
export class RegisterUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(input: RegisterUserInput): Promise<SessionReply> {
    if (input.invitationToken !== undefined) {
      // Invitations arrive with the identity issue; until then an unknown token must not be ignored silently.
      throw badInput('Invitations are not available yet', { field: 'invitationToken' });
    }
    // Nobody becomes an EMPLOYEE by registering: that takes an invitation or a verified company e-mail.
    const user = await this.users.insert({
      email: input.email,
      handle: input.handle,
      displayName: input.displayName,
      kind: 'CUSTOMER',
      roles: [],
      passwordHash: await this.passwords.hash(input.password),
    });
    return this.sessions.start(user);
  }
}
