import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Mailer, type MailConfig, type MailMessage } from './mailer';

/** Strictly increasing within the process, so messages sent in the same millisecond keep their order. */
let lastStamp = 0;
function nextStamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

/**
 * The development mailer, used when SMTP_URL is unset: each message becomes one JSON file
 * `{ id, at, from, to, subject, text }` in MAIL_OUTBOX_DIR, named so that names sort by sending order
 * (`readOutbox` in @kern/testing relies on that format).
 *
 * It also logs the text, against the logging rule: it exists so a developer can follow the verification
 * link without a mail server. It must therefore never be what production uses.
 */
export class OutboxMailer extends Mailer {
  private readonly logger = new Logger('OutboxMailer');

  constructor(private readonly config: Pick<MailConfig, 'MAIL_FROM' | 'MAIL_OUTBOX_DIR'>) {
    super();
  }

  override async send({ to, subject, text }: MailMessage): Promise<void> {
    const id = randomUUID();
    const stamp = nextStamp();
    const dir = this.config.MAIL_OUTBOX_DIR;
    const file = join(dir, `${stamp}-${id}.json`);
    const mail = { id, at: new Date().toISOString(), from: this.config.MAIL_FROM, to, subject, text };
    await mkdir(dir, { recursive: true });
    // Written aside and renamed into place, so a reader never sees half a message.
    const partial = `${file}.partial`;
    await writeFile(partial, JSON.stringify(mail, null, 2) + '\n');
    await rename(partial, file);
    this.logger.log({ msg: `mail to ${to}: ${subject}`, to, subject, file, text });
  }
}
