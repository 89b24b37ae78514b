import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a space is written in, so search stems its words the right way. */
export class SpaceLanguage1764460800001 implements MigrationInterface {
  name = 'SpaceLanguage1764460800001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE spaces.spaces ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'nl'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE spaces.spaces DROP COLUMN language`);
  }
}
