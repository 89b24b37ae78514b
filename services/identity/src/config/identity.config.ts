import type { DynamicModule } from '@nestjs/common';
import { commonEnv, ConfigError, databaseEnv, parseEnv } from '@kern/config';
import { z } from 'zod';

export const identityEnv = {
  ...commonEnv,
  ...databaseEnv,
  KERN_ADMIN_EMAIL: z.email().optional().describe('the first admin, created at first start if absent'),
  KERN_ADMIN_PASSWORD: z.string().min(10).optional().describe('secret: the first admin\'s password (at least 10 characters)'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900).describe('lifetime of an access token'),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30).describe('lifetime of a refresh token'),
  JWT_PRIVATE_KEY: z
    .string()
    .optional()
    .describe('secret: Ed25519 private key (PKCS#8 PEM) that signs access tokens; generated and kept in the database when unset'),
};

export type IdentityConfig = z.infer<z.ZodObject<typeof identityEnv>>;
export const IDENTITY_CONFIG = Symbol('IdentityConfig');

export function loadIdentityConfig(env = process.env): IdentityConfig {
  const config = parseEnv(identityEnv, env);
  if (Boolean(config.KERN_ADMIN_EMAIL) !== Boolean(config.KERN_ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration:\n  KERN_ADMIN_EMAIL and KERN_ADMIN_PASSWORD must be set together');
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
