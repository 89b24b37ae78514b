import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTopics1764201600000 implements MigrationInterface {
  name = 'CreateTopics1764201600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE expertise.topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        parent_id uuid REFERENCES expertise.topics (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX topics_parent_idx ON expertise.topics (parent_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE expertise.topics`);
  }
}
