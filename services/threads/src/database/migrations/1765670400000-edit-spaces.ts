import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each earlier version of a post remembers the space its thread was in when it was replaced, so a
 * version written while the thread was internal stays with those who may read that space after the
 * thread moves out (see `FindPostsUseCase.history`). Versions kept before this migration have no
 * space: nobody knows where they were written, so they are shown to employees only.
 */
export class EditSpaces1765670400000 implements MigrationInterface {
  name = 'EditSpaces1765670400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE threads.post_edits ADD COLUMN space_id uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE threads.post_edits DROP COLUMN space_id`);
  }
}
