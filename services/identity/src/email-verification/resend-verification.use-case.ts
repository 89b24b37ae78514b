import type { Principal } from '@kern/contracts';
import { assertCanWrite, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository';
import { VerificationMail } from './verification-mail';

@Injectable()
export class ResendVerificationUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly verificationMail: VerificationMail,
  ) {}

  async execute(principal: Principal): Promise<{ sent: boolean }> {
    assertCanWrite(principal);
    const user = await this.users.findById(principal.userId);
    if (!user) throw notFound('User');
    if (user.emailVerifiedAt) return { sent: false };
    await this.verificationMail.send(user);
    return { sent: true };
  }
}
