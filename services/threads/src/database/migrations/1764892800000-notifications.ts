import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764892800000 implements MigrationInterface {
  name = 'Notifications1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE threads.notifications (
        id uuid PRIMARY KEY,
        recipient_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'QUESTION_ROUTED', 'MODERATION')),
        space_id uuid,
        thread_id uuid,
        post_id uuid,
        actor_id uuid,
        count int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        read_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX notifications_inbox_idx ON threads.notifications (recipient_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX notifications_unread_idx ON threads.notifications (recipient_id) WHERE read_at IS NULL`,
    );
    // Replies in one thread gather in one unread notification per recipient.
    await db.query(
      `CREATE UNIQUE INDEX notifications_reply_batch_idx ON threads.notifications (recipient_id, thread_id) WHERE read_at IS NULL AND kind = 'REPLY'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE threads.notifications`);
  }
}
