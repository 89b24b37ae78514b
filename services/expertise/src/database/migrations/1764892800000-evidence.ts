import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What people did that shows what they know, as the threads service's events told it. */
export class Evidence1764892800000 implements MigrationInterface {
  name = 'Evidence1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE expertise.evidence (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('REPLY', 'ACCEPTED_ANSWER', 'HELPFUL')),
        post_id uuid NOT NULL,
        thread_id uuid NOT NULL,
        space_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('EVERYONE', 'INTERNAL')),
        topic_ids uuid[] NOT NULL,
        -- Who marked it helpful; the nil UUID for the other kinds, so the unique index holds.
        given_by uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
        occurred_at timestamptz NOT NULL,
        removed boolean NOT NULL DEFAULT false,
        UNIQUE (kind, post_id, given_by)
      )`);
    await db.query(`CREATE INDEX evidence_user_idx ON expertise.evidence (user_id) WHERE NOT removed`);
    await db.query(`CREATE INDEX evidence_topics_idx ON expertise.evidence USING gin (topic_ids)`);
    await db.query(`CREATE INDEX evidence_thread_idx ON expertise.evidence (thread_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE expertise.evidence`);
  }
}
