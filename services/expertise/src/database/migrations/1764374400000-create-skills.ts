import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSkills1764374400000 implements MigrationInterface {
  name = 'CreateSkills1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE expertise.skills (
        user_id uuid NOT NULL,
        topic_id uuid NOT NULL REFERENCES expertise.topics (id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('LEARNING', 'PRACTITIONER', 'EXPERT')),
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, topic_id)
      )`);
    await db.query(`CREATE INDEX skills_topic_idx ON expertise.skills (topic_id)`);
    await db.query(`
      CREATE TABLE expertise.endorsements (
        user_id uuid NOT NULL,
        topic_id uuid NOT NULL REFERENCES expertise.topics (id) ON DELETE CASCADE,
        endorser_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, topic_id, endorser_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE expertise.endorsements, expertise.skills`);
  }
}
