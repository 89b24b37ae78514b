import type { Provider } from '@nestjs/common';
import { Mailer, type MailConfig } from './mailer';
import { OutboxMailer } from './outbox.mailer';
import { SmtpMailer } from './smtp.mailer';

/** `Mailer` for injection: SMTP when SMTP_URL is set, otherwise files in MAIL_OUTBOX_DIR. */
export function mailerProvider(config: MailConfig): Provider {
  const { SMTP_URL, MAIL_FROM, MAIL_OUTBOX_DIR } = config;
  return {
    provide: Mailer,
    useFactory: (): Mailer =>
      SMTP_URL ? new SmtpMailer({ SMTP_URL, MAIL_FROM }) : new OutboxMailer({ MAIL_FROM, MAIL_OUTBOX_DIR }),
  };
}
