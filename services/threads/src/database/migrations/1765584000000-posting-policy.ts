import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PostingPolicy1765584000000 implements MigrationInterface {
  name = 'PostingPolicy1765584000000';

  async up(db: QueryRunner): Promise<void> {
    // Each account's writes of the last minute, reserved in one atomic statement before the write
    // (counting rows and then inserting let 24 parallel posts through a limit of 20).
    await db.query(`CREATE TABLE threads.write_rates (user_id uuid PRIMARY KEY, recent timestamptz[] NOT NULL)`);
    // Flags from accounts without standing are kept for moderators but do not hide a post.
    await db.query(`ALTER TABLE threads.flags ADD COLUMN counts_toward_hiding boolean NOT NULL DEFAULT true`);
    // Whether readers were ever told of the post (threads.post.published): a post held after an
    // edit was, so approving it must not announce it again. Only held posts were never published.
    await db.query(`ALTER TABLE threads.posts ADD COLUMN published boolean NOT NULL DEFAULT true`);
    await db.query(`UPDATE threads.posts SET published = false WHERE status = 'PENDING_REVIEW'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE threads.posts DROP COLUMN published`);
    await db.query(`ALTER TABLE threads.flags DROP COLUMN counts_toward_hiding`);
    await db.query(`DROP TABLE threads.write_rates`);
  }
}
