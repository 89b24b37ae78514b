export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail. An abstract class rather than an interface, so Nest can inject it by class. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}

export interface MailConfig {
  /** Unset: messages go to MAIL_OUTBOX_DIR instead of an SMTP server. */
  SMTP_URL?: string;
  MAIL_FROM: string;
  MAIL_OUTBOX_DIR: string;
}
