import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hourly purge of deleted posts' text reads only the deleted posts that still have some. */
export class DeletedPostsIndex1765238400000 implements MigrationInterface {
  name = 'DeletedPostsIndex1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX posts_deleted_text_idx ON threads.posts (deleted_at) WHERE status = 'DELETED' AND body <> ''`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads.posts_deleted_text_idx`);
  }
}
