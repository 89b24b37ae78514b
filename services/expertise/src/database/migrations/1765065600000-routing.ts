import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Questions waiting for a first answer, and whom they were brought to: durable, so a restart loses nothing. */
export class Routing1765065600000 implements MigrationInterface {
  name = 'Routing1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE expertise.routing_jobs (
        thread_id uuid PRIMARY KEY,
        post_id uuid NOT NULL,
        space_id uuid NOT NULL,
        author_id uuid NOT NULL,
        topic_ids uuid[] NOT NULL,
        due_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('PENDING', 'ANSWERED', 'ROUTED', 'NO_EXPERT')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX routing_jobs_due_idx ON expertise.routing_jobs (due_at) WHERE state = 'PENDING'`);
    await db.query(`
      CREATE TABLE expertise.routings (
        thread_id uuid NOT NULL,
        expert_id uuid NOT NULL,
        routed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (thread_id, expert_id)
      )`);
    await db.query(`CREATE INDEX routings_expert_idx ON expertise.routings (expert_id, routed_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE expertise.routings, expertise.routing_jobs`);
  }
}
