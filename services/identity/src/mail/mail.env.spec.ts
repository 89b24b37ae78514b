import { ConfigError, parseEnv } from '@kern/config';
import { resolve } from 'node:path';
import { mailEnv } from './mail.env';
import type { MailConfig } from './mailer';

describe('mailEnv', () => {
  it('defaults to the development outbox under the working directory', () => {
    const config: MailConfig = parseEnv(mailEnv, {});
    expect(config).toEqual({
      SMTP_URL: undefined,
      MAIL_FROM: 'Kern <no-reply@kern.localhost>',
      MAIL_OUTBOX_DIR: resolve('.outbox'),
    });
  });

  it('accepts smtp: and smtps: URLs, and resolves a relative outbox folder', () => {
    const config = parseEnv(mailEnv, {
      SMTP_URL: 'smtps://kern:p%40ss@smtp.example.com:465',
      MAIL_FROM: 'no-reply@example.com',
      MAIL_OUTBOX_DIR: 'tmp/mail',
    });
    expect(config).toEqual({
      SMTP_URL: 'smtps://kern:p%40ss@smtp.example.com:465',
      MAIL_FROM: 'no-reply@example.com',
      MAIL_OUTBOX_DIR: resolve('tmp/mail'),
    });
  });

  it('refuses another protocol without repeating the URL, which may hold a password', () => {
    const parse = () => parseEnv(mailEnv, { SMTP_URL: 'https://kern:hunter22@smtp.example.com' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/SMTP_URL: must be a URL like .*\(secret/);
    expect(parse).not.toThrow(/hunter22/);
  });

  it('refuses a sender that is not an address', () => {
    expect(() => parseEnv(mailEnv, { MAIL_FROM: 'Kern' })).toThrow(/MAIL_FROM: must be an address/);
    expect(() => parseEnv(mailEnv, { MAIL_FROM: 'Kern <a@b.example>\r\nBcc: eve@example.com' })).toThrow(/MAIL_FROM/);
  });
});
