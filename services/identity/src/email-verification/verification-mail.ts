import { TOKEN_PREFIX } from '@kern/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '../common/tokens';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { Mailer } from '../mail/mailer';
import type { UserRecord } from '../users/user.record';
import { EmailVerificationsRepository } from './email-verifications.repository';

/** Sends a single-use link that proves the user reads mail at their address. */
@Injectable()
export class VerificationMail {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly verifications: EmailVerificationsRepository,
    private readonly mailer: Mailer,
  ) {}

  async send(user: Pick<UserRecord, 'id' | 'email' | 'displayName'>): Promise<void> {
    const token = newToken(TOKEN_PREFIX.emailVerification);
    const expiresAt = new Date(Date.now() + this.config.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
    await this.verifications.insert({
      id: randomUUID(),
      userId: user.id,
      email: user.email,
      tokenHash: hashToken(token),
      expiresAt,
    });
    await this.mailer.send({
      to: user.email,
      subject: 'Confirm your e-mail address for Kern',
      text:
        `Hello ${user.displayName},\n\nPlease confirm your e-mail address by opening this link ` +
        `(valid for ${this.config.EMAIL_VERIFICATION_TTL_HOURS} hours):\n${this.config.KERN_PUBLIC_URL}/verify-email?token=${token}\n\n` +
        `If you did not create an account on Kern, ignore this message.\n`,
    });
  }
}
