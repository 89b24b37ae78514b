import type { HealthReply } from '@kern/contracts';
import type { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from './migrate';

/** Is the database reachable, and has every migration this build knows been applied? */
export async function checkDatabase(dataSource: DataSource, schema: string): Promise<HealthReply['database']> {
  try {
    const [{ applied }] = await dataSource.query<[{ applied: number }]>(
      `SELECT count(*)::int AS applied FROM "${schema}"."${MIGRATIONS_TABLE}"`,
    );
    return { reachable: true, pendingMigrations: Math.max(0, dataSource.migrations.length - applied) };
  } catch {
    return { reachable: false, pendingMigrations: null };
  }
}
