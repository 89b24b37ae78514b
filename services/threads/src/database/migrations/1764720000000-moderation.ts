import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1764720000000 implements MigrationInterface {
  name = 'Moderation1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE threads.flags (
        post_id uuid NOT NULL REFERENCES threads.posts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        reason text NOT NULL CHECK (reason IN ('SPAM', 'OFF_TOPIC', 'INAPPROPRIATE', 'OTHER')),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        PRIMARY KEY (post_id, user_id)
      )`);
    await db.query(`CREATE INDEX flags_open_idx ON threads.flags (post_id) WHERE resolved_at IS NULL`);
    await db.query(`CREATE INDEX flags_user_idx ON threads.flags (user_id, created_at DESC)`);
    // Who did what to a post, when and why; the system (spam hold, flags) acts with a null moderator.
    await db.query(`
      CREATE TABLE threads.moderation_actions (
        id bigserial PRIMARY KEY,
        post_id uuid NOT NULL REFERENCES threads.posts (id) ON DELETE CASCADE,
        moderator_id uuid,
        action text NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX moderation_actions_post_idx ON threads.moderation_actions (post_id, id)`);
    await db.query(`CREATE INDEX posts_review_idx ON threads.posts (seq) WHERE status IN ('PENDING_REVIEW', 'HIDDEN')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads.posts_review_idx`);
    await db.query(`DROP TABLE threads.moderation_actions, threads.flags`);
  }
}
