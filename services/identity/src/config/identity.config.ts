import type { DynamicModule } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { commonEnv, ConfigError, databaseEnv, parseEnv } from '@kern/config';
import { z } from 'zod';
import { eventsEnv } from '@kern/events';
import { mailEnv } from '../mail/mail.env';

export const identityEnv = {
  ...commonEnv,
  ...databaseEnv,
  ...mailEnv,
  ...eventsEnv,
  KERN_ADMIN_EMAIL: z.email().optional().describe('the first admin, created at first start if absent'),
  KERN_ADMIN_PASSWORD: z
    .string()
    .min(10)
    .optional()
    .describe("secret: the first admin's password (at least 10 characters)"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(900)
    .default(900)
    .describe('lifetime of an access token'),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30).describe('lifetime of a refresh token'),
  JWT_PRIVATE_KEY: z
    .string()
    .optional()
    .describe(
      'secret: Ed25519 private key (PKCS#8 PEM) that signs access tokens; generated and kept in the database when unset',
    ),
  REFRESH_TOKEN_REUSE_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(30)
    .describe('a rotated refresh token presented again this soon is taken as a lost response, not theft'),
  KERN_EMPLOYEE_DOMAINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    )
    .describe('comma-separated e-mail domains of the company: a verified address there makes an EMPLOYEE'),
  KERN_PUBLIC_URL: z
    .url()
    .default('http://127.0.0.1:4000')
    .describe('where people reach Kern; links in e-mails point there'),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7).describe('how long an invitation can be used'),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(720)
    .default(48)
    .describe('how long a verification link works'),
  LOGIN_FREE_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('failed logins per account before each next try must wait, doubling'),
  LOGIN_MAX_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(900)
    .describe('the longest wait between login tries'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(20)
    .describe('failed logins per account per hour, counted apart from each address the owner signed in from'),
  LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(100)
    .describe('failed logins per client address per hour, over all accounts'),
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(10)
    .describe('registration attempts per client address per hour, failed ones included (valid invitations are exempt)'),
  REGISTRATION_NOTICES_PER_ACCOUNT_PER_DAY: z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .default(3)
    .describe('"someone tried to register with your address" mails per account per day'),
  PASSWORD_HASH_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(() => availableParallelism() * 2)
    .describe('argon2 hashes computed at once (default: twice the number of cores)'),
  PASSWORD_HASH_QUEUE: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(64)
    .describe('sign-ins and registrations that may wait for a hash; beyond it they are RATE_LIMITED at once'),
};

export type IdentityConfig = z.infer<z.ZodObject<typeof identityEnv>>;
export const IDENTITY_CONFIG = Symbol('IdentityConfig');

export function loadIdentityConfig(env = process.env): IdentityConfig {
  const config = parseEnv(identityEnv, env);
  if (Boolean(config.KERN_ADMIN_EMAIL) !== Boolean(config.KERN_ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration:\n  KERN_ADMIN_EMAIL and KERN_ADMIN_PASSWORD must be set together');
  }
  if (config.NODE_ENV === 'production' && !config.SMTP_URL) {
    // The development mailer would put verification links, with their tokens, into the production log.
    throw new ConfigError(
      'Invalid configuration:\n  SMTP_URL must be set in production (otherwise mail goes to MAIL_OUTBOX_DIR and its links into the log)',
    );
  }
  return config;
}

/** Makes the parsed configuration injectable everywhere in the service. */
export function identityConfigModule(config: IdentityConfig): DynamicModule {
  return {
    module: class IdentityConfigModule {},
    global: true,
    providers: [{ provide: IDENTITY_CONFIG, useValue: config }],
    exports: [IDENTITY_CONFIG],
  };
}
