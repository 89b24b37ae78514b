import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What free-text questions are matched against: topics with their synonyms, and what experts answered. */
export class QuestionMatching1765152000000 implements MigrationInterface {
  name = 'QuestionMatching1765152000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE expertise.topic_synonyms (
        topic_id uuid NOT NULL REFERENCES expertise.topics (id) ON DELETE CASCADE,
        synonym text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (topic_id, synonym)
      )`);
    // The text of replies, stemmed both in English and in Dutch: a question may be asked in either.
    await db.query(`ALTER TABLE expertise.evidence ADD COLUMN excerpt text`);
    await db.query(`
      ALTER TABLE expertise.evidence ADD COLUMN excerpt_search tsvector GENERATED ALWAYS AS
        (to_tsvector('english', coalesce(excerpt, '')) || to_tsvector('dutch', coalesce(excerpt, ''))) STORED`);
    await db.query(
      `CREATE INDEX evidence_excerpt_search_idx ON expertise.evidence USING gin (excerpt_search) WHERE excerpt IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE expertise.evidence DROP COLUMN excerpt_search, DROP COLUMN excerpt`);
    await db.query(`DROP TABLE expertise.topic_synonyms`);
  }
}
