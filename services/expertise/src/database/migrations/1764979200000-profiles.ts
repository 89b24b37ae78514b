import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Profiles1764979200000 implements MigrationInterface {
  name = 'Profiles1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE expertise.profiles (
        user_id uuid PRIMARY KEY,
        headline text,
        bio text,
        ambassador boolean NOT NULL DEFAULT false,
        open_to_questions boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX endorsements_topic_idx ON expertise.endorsements (topic_id, user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX expertise.endorsements_topic_idx`);
    await db.query(`DROP TABLE expertise.profiles`);
  }
}
