import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

/** One file written by identity's development mailer (services/identity/src/mail/outbox.mailer.ts). */
export interface OutboxMail {
  id: string;
  at: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** The messages in a development outbox, oldest first; none when the folder does not exist yet. */
export async function readOutbox(dir: string): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // The mailer names files so that they sort by sending order; half-written ones end in `.partial`.
  const files = names.filter((name) => name.endsWith('.json')).sort();
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as OutboxMail));
}

/** Waits until the outbox holds a message that `match` accepts, and returns it. */
export function waitForMail(
  dir: string,
  match: (mail: OutboxMail) => boolean,
  what = `a matching mail in ${dir}`,
): Promise<OutboxMail> {
  return waitFor(async () => (await readOutbox(dir)).find(match), { what });
}

export interface ReceivedMail {
  /** Envelope sender and recipients, as the server saw them. */
  from: string;
  to: string[];
  /** The user name the client logged in with, if it did. */
  user?: string;
  raw: string;
  subject: string;
  text: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`; any user name and password are accepted if added. */
  url: string;
  messages: ReceivedMail[];
  stop(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1, without TLS, that keeps every message it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A test that fails mid-conversation must not keep stop() waiting the default 30 s.
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  // Port 0: the kernel picks a free port and no other process can take it between choosing and listening.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Just enough MIME for what nodemailer sends for a text-only message: the Subject header (encoded
 * words included) and the single body part, quoted-printable or base64. Line breaks come back as `\n`.
 */
function parseMail(raw: string): { subject: string; text: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  // SMTP ends the data with a line break of its own; it is not part of the text.
  return {
    subject: decodeEncodedWords(headers.get('subject') ?? ''),
    text: text.replace(/\r\n/g, '\n').replace(/\n$/, ''),
  };
}

/** Soft line breaks (`=` at the end of a line) vanish; `=XX` is a byte, e.g. `=3D` is `=`. */
function decodeQuotedPrintable(encoded: string): string {
  const bytes = encoded
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** `=?UTF-8?Q?...?=` and `=?UTF-8?B?...?=` (RFC 2047); nodemailer always uses UTF-8. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
