import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { Mailer } from '../mail/mailer';
import { Throttle } from '../throttling/throttle';
import type { UserRecord } from '../users/user.record';
import { UsersRepository } from '../users/users.repository';
import { VerificationMail } from './verification-mail';

/**
 * The mail that follows a registration: a verification link, or, when another account has already
 * confirmed the address, a word to that owner instead (OWASP: `register` answers alike either way,
 * and only the mailbox learns the difference). Sent after the answer, so its timing tells nothing
 * either; a mail server that is down does not undo the registration (the link can be sent again).
 */
@Injectable()
export class RegistrationMail implements OnApplicationShutdown {
  private readonly logger = new Logger(RegistrationMail.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly users: UsersRepository,
    private readonly verificationMail: VerificationMail,
    private readonly mailer: Mailer,
    private readonly throttle: Throttle,
  ) {}

  sendLater(user: UserRecord): void {
    const sending: Promise<void> = this.send(user)
      .catch((error: unknown) =>
        this.logger.error({
          msg: 'could not send the registration e-mail; the user can ask again',
          userId: user.id,
          error: String(error),
        }),
      )
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  private async send(user: UserRecord): Promise<void> {
    const owner = await this.users.findVerifiedByEmail(user.email);
    if (!owner || owner.id === user.id) return this.verificationMail.send(user);
    if (!(await this.throttle.mayNotifyOwner(owner.id))) return;
    await this.mailer.send({
      to: owner.email,
      subject: 'Someone tried to register on Kern with your address',
      text:
        `Hello ${owner.displayName},\n\nSomeone (perhaps you) tried to create a new Kern account with this e-mail address, ` +
        `which already belongs to your account @${owner.handle}. No second account can use it.\n\n` +
        `If it was you, sign in instead: ${this.config.KERN_PUBLIC_URL}/sign-in\n` +
        `If you forgot your password, ask an administrator of your Kern to help you reset it.\n` +
        `If it was not you, you need not do anything: your account is unchanged.\n`,
    });
  }

  /** Mail accepted before a shutdown still goes out. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
