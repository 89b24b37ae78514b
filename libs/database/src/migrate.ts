import { DataSource, type DataSourceOptions } from 'typeorm';
import { ensureDatabase } from './ensure-database';

export const MIGRATIONS_TABLE = 'migrations';

type ServiceDataSourceOptions = DataSourceOptions & { url: string; schema: string };

/**
 * Initialises a service's datasource after bringing its schema up to date. Replicas starting at
 * once queue on an advisory lock named after the schema, so each migration runs exactly once; the
 * schema is created first because TypeORM creates its migrations table before running any
 * migration. Migrations run on connections of their own, without the statement timeouts that
 * protect requests: building an index on a large table may take minutes.
 */
export async function initializeAndMigrate(options: ServiceDataSourceOptions): Promise<DataSource> {
  await ensureDatabase(options.url);
  const extra = {
    ...(options as { extra?: Record<string, unknown> }).extra,
    max: 2,
    statement_timeout: 0,
    idle_in_transaction_session_timeout: 0,
  };
  const migrator = await new DataSource({ ...options, extra }).initialize();
  try {
    const lock = migrator.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`kern:migrations:${options.schema}`]);
      await lock.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
      await migrator.runMigrations({ transaction: 'all' });
    } finally {
      await lock
        .query('SELECT pg_advisory_unlock(hashtext($1))', [`kern:migrations:${options.schema}`])
        .catch(() => undefined);
      await lock.release();
    }
  } finally {
    await migrator.destroy().catch(() => undefined);
  }
  return new DataSource(options).initialize();
}
