import { queryDatabase, throwawayDatabase } from '@kern/testing';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { initializeAndMigrate } from './migrate';

/** Slow on purpose, and counts its runs: two replicas running it at once would count two. */
class CountedMigration1700000000000 implements MigrationInterface {
  name = 'CountedMigration1700000000000';
  async up(db: QueryRunner) {
    await db.query(`CREATE TABLE IF NOT EXISTS probe.runs (at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`SELECT pg_sleep_for('300 milliseconds')`);
    await db.query(`INSERT INTO probe.runs DEFAULT VALUES`);
  }
  async down(db: QueryRunner) {
    await db.query(`DROP TABLE probe.runs`);
  }
}

describe('initializeAndMigrate against real PostgreSQL', () => {
  const database = throwawayDatabase();
  afterAll(() => database.drop());

  it('creates the database and schema, and runs each migration once when replicas start together', async () => {
    const options = {
      type: 'postgres' as const,
      url: database.url,
      schema: 'probe',
      migrations: [CountedMigration1700000000000],
      migrationsTableName: 'migrations',
    };
    const replicas = await Promise.all([
      initializeAndMigrate(options),
      initializeAndMigrate(options),
      initializeAndMigrate(options),
    ]);
    try {
      const runs = await queryDatabase<{ count: number }>(
        database.url,
        `SELECT count(*)::int AS count FROM probe.runs`,
      );
      const applied = await queryDatabase<{ name: string }>(database.url, `SELECT name FROM probe.migrations`);
      expect(runs).toEqual([{ count: 1 }]);
      expect(applied).toEqual([{ name: 'CountedMigration1700000000000' }]);
    } finally {
      await Promise.all(replicas.map((dataSource) => dataSource.destroy()));
    }
  });
});
