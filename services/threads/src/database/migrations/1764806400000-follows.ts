import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who follows what, how closely, and how far each reader has read. */
export class Follows1764806400000 implements MigrationInterface {
  name = 'Follows1764806400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE threads.thread_follows (
        user_id uuid NOT NULL,
        thread_id uuid NOT NULL REFERENCES threads.threads (id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('WATCHING', 'TRACKING', 'NORMAL', 'MUTED')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      )`);
    await db.query(`CREATE INDEX thread_follows_thread_idx ON threads.thread_follows (thread_id, level)`);
    await db.query(`
      CREATE TABLE threads.space_follows (
        user_id uuid NOT NULL,
        space_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('WATCHING', 'WATCHING_FIRST_POST', 'NORMAL', 'MUTED')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, space_id)
      )`);
    await db.query(`CREATE INDEX space_follows_space_idx ON threads.space_follows (space_id, level)`);
    await db.query(`
      CREATE TABLE threads.thread_reads (
        user_id uuid NOT NULL,
        thread_id uuid NOT NULL REFERENCES threads.threads (id) ON DELETE CASCADE,
        last_read_seq bigint NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE threads.thread_reads, threads.space_follows, threads.thread_follows`);
  }
}
