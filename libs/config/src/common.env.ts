import { z } from 'zod';

const url = (protocols: string[], example: string) =>
  z.string().refine((value) => {
    try {
      return value.split(',').every((part) => protocols.includes(new URL(part.trim()).protocol));
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`);

/** Variables every process reads; operators and scripts rely on these names. */
export const commonEnv = {
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('production hides error details and logs JSON'),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .optional()
    .describe('log line format; default json in production, pretty otherwise'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info').describe('lowest level that is logged'),
  NATS_URL: url(['nats:', 'tls:'], 'nats://127.0.0.1:4222')
    .default('nats://127.0.0.1:4222')
    .describe('NATS server(s), comma-separated for a cluster'),
  SERVICE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(120_000)
    .default(5000)
    .describe('how long a call to another service may take before it fails with SERVICE_UNAVAILABLE'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(300_000)
    .default(20_000)
    .describe(
      "on SIGTERM the process exits within this, finished or not; keep it below Kubernetes' terminationGracePeriodSeconds",
    ),
};

export const databaseEnv = {
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user@host:5432/kern')
    .default('postgres://postgres@127.0.0.1:5432/kern')
    .describe('PostgreSQL database; created if it does not exist'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10).describe('connections per process'),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(3000)
    .describe('how long a request waits for a free pooled connection before it fails with SERVICE_UNAVAILABLE'),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(10_000)
    .describe('PostgreSQL statement_timeout of every pooled connection (migrations have none)'),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(10_000)
    .describe('PostgreSQL idle_in_transaction_session_timeout: a transaction left waiting this long is ended'),
};

export type CommonEnv = z.infer<z.ZodObject<typeof commonEnv>>;
export type DatabaseEnv = z.infer<z.ZodObject<typeof databaseEnv>>;

/** NATS_URL may list several servers; the client wants an array. */
export function natsServers(natsUrl: string): string[] {
  return natsUrl
    .split(',')
    .map((server) => server.trim())
    .filter(Boolean);
}
