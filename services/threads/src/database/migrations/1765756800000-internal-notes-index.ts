import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leak guard reads the internal notes of up to 1,000 threads at once, newest first. */
export class InternalNotesIndex1765756800000 implements MigrationInterface {
  name = 'InternalNotesIndex1765756800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX posts_internal_notes_idx ON threads.posts (thread_id, seq) WHERE visibility = 'INTERNAL'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads.posts_internal_notes_idx`);
  }
}
