import { DataSource, type DataSourceOptions } from 'typeorm';
import { ensureDatabase } from './ensure-database';

export const MIGRATIONS_TABLE = 'migrations';

/**
 * Initialises a service's datasource and brings its schema up to date. Replicas starting at once
 * queue on an advisory lock named after the schema, so each migration runs exactly once; the schema
 * is created first because TypeORM creates its migrations table before running any migration.
 */
export async function initializeAndMigrate(options: DataSourceOptions & { url: string; schema: string }): Promise<DataSource> {
  await ensureDatabase(options.url);
  const dataSource = await new DataSource(options).initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`kern:migrations:${options.schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await dataSource.runMigrations({ transaction: 'all' });
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  } finally {
    if (!lock.isReleased) {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`kern:migrations:${options.schema}`]).catch(() => undefined);
      await lock.release();
    }
  }
  return dataSource;
}
