import { commonEnv, parseEnv } from '@kern/config';
import type { DynamicModule } from '@nestjs/common';
import { z } from 'zod';

export const gatewayEnv = {
  ...commonEnv,
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000).describe('HTTP port of the GraphQL endpoint'),
  GATEWAY_HOST: z.string().default('0.0.0.0').describe('interface the HTTP server listens on'),
  JWT_PUBLIC_KEYS: z
    .string()
    .optional()
    .describe('JSON array of public JWKs that verify access tokens; fetched from the identity service when unset'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value): boolean | number | string =>
      value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
    )
    .describe(
      'which proxies may tell the client address (X-Forwarded-For), as Express "trust proxy": false (use the socket), a hop count, or addresses/CIDRs like "loopback, 10.0.0.0/8"',
    ),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10).describe('deepest query accepted'),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(30).describe('most aliased fields in one operation'),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50).describe('most directives in one operation'),
  GRAPHQL_MAX_TOKENS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5000)
    .describe('longest document parsed, in GraphQL tokens'),
  GRAPHQL_MAX_COST: z.coerce
    .number()
    .int()
    .min(1)
    .default(10_000)
    .describe(
      'most costly operation run: every object field costs 1, a field with `first` 1 + first x its selection (see README)',
    ),
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe('most operations open at once on one WebSocket'),
  GRAPHQL_BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('100kb')
    .describe('largest request body accepted'),
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .describe('allow schema introspection; default on outside production'),
};

export type GatewayConfig = z.infer<z.ZodObject<typeof gatewayEnv>>;
export const GATEWAY_CONFIG = Symbol('GatewayConfig');

export function loadGatewayConfig(env = process.env): GatewayConfig {
  return parseEnv(gatewayEnv, env);
}

export function gatewayConfigModule(config: GatewayConfig): DynamicModule {
  return {
    module: class GatewayConfigModule {},
    global: true,
    providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
    exports: [GATEWAY_CONFIG],
  };
}
