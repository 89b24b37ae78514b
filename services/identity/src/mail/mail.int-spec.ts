import { freePort, readOutbox, startSmtpServer, waitFor, type TestSmtpServer } from '@kern/testing';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mailer } from './mailer';
import { mailerProvider } from './mailer.provider';
import { OutboxMailer } from './outbox.mailer';
import { SmtpMailer } from './smtp.mailer';

const FROM = 'Kern <no-reply@kern.localhost>';
// Longer than a mail line (76), so it arrives quoted-printable with soft breaks, and holds a `=`.
const LINK = `https://kern.localhost/verify?token=kv_${'AbCdEf0123456789'.repeat(6)}&next=%2Fhome`;
const TEXT = `Hello Ann,\n\nconfirm your address:\n${LINK}\n\nKern`;

describe('SmtpMailer against a real SMTP server', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => (smtp = await startSmtpServer()));
  afterAll(() => smtp.stop());

  it("delivers recipient, sender, subject and a text with a long link intact, logging in with the URL's credentials", async () => {
    const mailer = new SmtpMailer({ SMTP_URL: smtp.url.replace('smtp://', 'smtp://kern:p%40ss@'), MAIL_FROM: FROM });
    try {
      await mailer.send({ to: 'ann@example.com', subject: 'Confirm your e-mail address', text: TEXT });
    } finally {
      mailer.close();
    }
    const mail = await waitFor(() => smtp.messages.find((message) => message.to.includes('ann@example.com')), {
      what: 'the mail to ann',
    });
    expect(mail).toMatchObject({
      from: 'no-reply@kern.localhost',
      to: ['ann@example.com'],
      user: 'kern',
      subject: 'Confirm your e-mail address',
    });
    expect(mail.text).toBe(TEXT);
    expect(mail.raw).toContain('=3D'); // the link really travelled quoted-printable
    expect(mail.raw).toMatch(/^From: Kern <no-reply@kern\.localhost>\r?$/m);
  });

  it('sends to exactly one recipient even when the address holds a comma', async () => {
    const mailer = new SmtpMailer({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
    try {
      await mailer.send({ to: 'bob@example.com, eve@example.com', subject: 'x', text: 'x' }).catch(() => undefined);
    } finally {
      mailer.close();
    }
    expect(smtp.messages.flatMap((message) => message.to)).not.toContain('eve@example.com');
  });
});

describe('SmtpMailer when the server is unusable', () => {
  it('rejects at once when nothing listens on the port', async () => {
    const mailer = new SmtpMailer({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, MAIL_FROM: FROM });
    const started = Date.now();
    await expect(mailer.send({ to: 'ann@example.com', subject: 'x', text: 'x' })).rejects.toThrow(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects after its timeout when the server accepts the connection and never greets', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const mailer = new SmtpMailer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: FROM }, { timeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(mailer.send({ to: 'ann@example.com', subject: 'x', text: 'x' })).rejects.toThrow(
        /timeout|greeting/i,
      );
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('OutboxMailer', () => {
  let dir: string;
  beforeEach(async () => (dir = join(await mkdtemp(join(tmpdir(), 'kern-outbox-')), 'not-yet-created')));
  afterEach(() => rm(join(dir, '..'), { recursive: true, force: true }));

  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());

  it('creates the folder and writes one complete file per message, which readOutbox returns oldest first', async () => {
    expect(await readOutbox(dir)).toEqual([]);
    const mailer = new OutboxMailer({ MAIL_FROM: FROM, MAIL_OUTBOX_DIR: dir });
    await mailer.send({ to: 'ann@example.com', subject: 'first', text: TEXT });
    await mailer.send({ to: 'bob@example.com', subject: 'second', text: 'two' });

    const mails = await readOutbox(dir);
    expect(mails).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        from: FROM,
        to: 'ann@example.com',
        subject: 'first',
        text: TEXT,
      },
      {
        id: expect.any(String),
        at: expect.any(String),
        from: FROM,
        to: 'bob@example.com',
        subject: 'second',
        text: 'two',
      },
    ]);
    expect(Number.isNaN(Date.parse(mails[0].at))).toBe(false);
    expect((await readdir(dir)).filter((name) => !name.endsWith('.json'))).toEqual([]);
  });

  it('logs recipient, subject, file and the text, so a developer can follow the link', async () => {
    await new OutboxMailer({ MAIL_FROM: FROM, MAIL_OUTBOX_DIR: dir }).send({
      to: 'ann@example.com',
      subject: 'first',
      text: TEXT,
    });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({
        to: 'ann@example.com',
        subject: 'first',
        file: expect.stringContaining(dir),
        text: TEXT,
      }),
    );
  });

  it('keeps the sending order of messages sent in the same millisecond', async () => {
    const mailer = new OutboxMailer({ MAIL_FROM: FROM, MAIL_OUTBOX_DIR: dir });
    const subjects = Array.from({ length: 20 }, (_, index) => `message ${index}`);
    await Promise.all(subjects.map((subject) => mailer.send({ to: 'ann@example.com', subject, text: 'x' })));
    expect((await readOutbox(dir)).map((mail) => mail.subject)).toEqual(subjects);
  });
});

describe('mailerProvider', () => {
  async function mailerFor(config: Parameters<typeof mailerProvider>[0]) {
    @Module({ providers: [mailerProvider(config)] })
    class MailTestModule {}
    const app = await NestFactory.createApplicationContext(MailTestModule, { logger: false });
    return { app, mailer: app.get(Mailer) };
  }

  it('uses the outbox without SMTP_URL', async () => {
    const { app, mailer } = await mailerFor({ MAIL_FROM: FROM, MAIL_OUTBOX_DIR: join(tmpdir(), 'unused') });
    expect(mailer).toBeInstanceOf(OutboxMailer);
    await app.close();
  });

  it('uses SMTP with SMTP_URL, and closes the transport when the application closes', async () => {
    const { app, mailer } = await mailerFor({
      SMTP_URL: 'smtp://127.0.0.1:25',
      MAIL_FROM: FROM,
      MAIL_OUTBOX_DIR: join(tmpdir(), 'unused'),
    });
    expect(mailer).toBeInstanceOf(SmtpMailer);
    const close = jest.spyOn(mailer as SmtpMailer, 'close');
    await app.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
