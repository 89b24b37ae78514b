import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Escalations bridge a thread to an internal one; a link is stored once and read both ways. */
export class ThreadLinks1764633600000 implements MigrationInterface {
  name = 'ThreadLinks1764633600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE threads.thread_links (
        from_thread_id uuid NOT NULL REFERENCES threads.threads (id) ON DELETE CASCADE,
        to_thread_id uuid NOT NULL REFERENCES threads.threads (id) ON DELETE CASCADE,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (from_thread_id, to_thread_id)
      )`);
    await db.query(`CREATE INDEX thread_links_to_idx ON threads.thread_links (to_thread_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE threads.thread_links`);
  }
}
