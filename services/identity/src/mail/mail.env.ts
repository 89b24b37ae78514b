import { resolve } from 'node:path';
import { z } from 'zod';

const smtpUrl = z.string().refine((value) => {
  try {
    return ['smtp:', 'smtps:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'must be a URL like smtps://user:password@smtp.example.com:465 or smtp://smtp.example.com:587');

/** A bare address or `Name <address>`, on one line. */
const mailbox = z
  .string()
  .regex(
    /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
    'must be an address like Kern <no-reply@example.com>',
  );

/** Identity's mail settings; spread into its environment schema. */
export const mailEnv = {
  SMTP_URL: smtpUrl
    .optional()
    .describe(
      'secret (may hold the password): SMTP server as smtp://user:password@host:587 (STARTTLS when offered) or smtps://... (TLS), credentials percent-encoded; unset: the development mailer writes to MAIL_OUTBOX_DIR',
    ),
  MAIL_FROM: mailbox.default('Kern <no-reply@kern.localhost>').describe('sender of the e-mails Kern sends'),
  MAIL_OUTBOX_DIR: z
    .string()
    .transform((dir) => resolve(dir))
    .default(() => resolve('.outbox'))
    .describe('where the development mailer writes messages when SMTP_URL is unset; relative to the working directory'),
};

export type MailEnv = z.infer<z.ZodObject<typeof mailEnv>>;
