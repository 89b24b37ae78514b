import type { Principal } from '@kern/contracts';
import { assertCanWrite, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository';
import { RegistrationMail } from './registration-mail';

@Injectable()
export class ResendVerificationUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly registrationMail: RegistrationMail,
  ) {}

  async execute(principal: Principal): Promise<{ sent: boolean }> {
    assertCanWrite(principal);
    const user = await this.users.findById(principal.userId);
    if (!user) throw notFound('User');
    if (user.emailVerifiedAt) return { sent: false };
    // Like registering: a link, or a word to whoever confirmed the address meanwhile; never awaited, so never telling which.
    this.registrationMail.sendLater(user);
    return { sent: true };
  }
}
