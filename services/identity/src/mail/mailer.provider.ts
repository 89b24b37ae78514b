import type { Provider } from '@nestjs/common';
import { Mailer, type MailConfig } from './mailer';
import { OutboxMailer } from './outbox.mailer';
import { SmtpMailer } from './smtp.mailer';

/** SMTP when SMTP_URL is set, otherwise files in MAIL_OUTBOX_DIR. */
export function createMailer({ SMTP_URL, MAIL_FROM, MAIL_OUTBOX_DIR }: MailConfig): Mailer {
  return SMTP_URL ? new SmtpMailer({ SMTP_URL, MAIL_FROM }) : new OutboxMailer({ MAIL_FROM, MAIL_OUTBOX_DIR });
}

/** `Mailer` for injection, made from `config`. */
export function mailerProvider(config: MailConfig): Provider {
  return { provide: Mailer, useFactory: (): Mailer => createMailer(config) };
}
