import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { Mailer, type MailConfig, type MailMessage } from './mailer';

/** Each phase of talking to the server: connecting, waiting for its greeting, any silence after that. */
const DEFAULT_TIMEOUT_MS = 10_000;

export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  /** `timeoutMs` exists for tests; without it a dead server fails a send after about 10 s. */
  constructor(config: Required<Pick<MailConfig, 'SMTP_URL' | 'MAIL_FROM'>>, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    super();
    // nodemailer's own defaults (2 min to connect, 10 min of silence) would let a dead server hold a
    // request far beyond the caller's timeout. Query parameters in SMTP_URL still override these.
    this.transport = createTransport(
      { url: config.SMTP_URL, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs },
      { from: config.MAIL_FROM },
    );
  }

  override async send({ to, subject, text }: MailMessage): Promise<void> {
    // An address object is taken as one recipient; a string would be parsed as a list, so a
    // comma in it could add recipients.
    await this.transport.sendMail({ to: { name: '', address: to }, subject, text });
  }

  close(): void {
    this.transport.close();
  }

  /** Nest calls this on provider instances, also those made by a factory, when the app closes. */
  onApplicationShutdown(): void {
    this.close();
  }
}
