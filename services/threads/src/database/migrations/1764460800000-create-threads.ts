import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateThreads1764460800000 implements MigrationInterface {
  name = 'CreateThreads1764460800000';

  async up(db: QueryRunner): Promise<void> {
    // Space, author and topic ids belong to other services: no foreign keys across schemas.
    await db.query(`
      CREATE TABLE threads.threads (
        id uuid PRIMARY KEY,
        space_id uuid NOT NULL,
        author_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('QUESTION', 'DISCUSSION', 'ANNOUNCEMENT')),
        title text NOT NULL,
        topic_ids uuid[] NOT NULL DEFAULT '{}',
        language regconfig NOT NULL DEFAULT 'english',
        -- Milliseconds, like the cursors that carry it: a cursor must equal the value it came from.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        locked_at timestamptz,
        accepted_post_id uuid,
        -- What customers see (replies visible to everyone) and what employees see (internal notes too).
        reply_count_everyone int NOT NULL DEFAULT 0,
        reply_count_all int NOT NULL DEFAULT 0,
        last_activity_everyone timestamptz NOT NULL DEFAULT now(),
        last_activity_all timestamptz NOT NULL DEFAULT now(),
        title_search tsvector GENERATED ALWAYS AS (to_tsvector(language, title)) STORED
      )`);
    await db.query(`CREATE INDEX threads_space_created_idx ON threads.threads (space_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX threads_title_search_idx ON threads.threads USING gin (title_search)`);
    await db.query(`
      CREATE TABLE threads.posts (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        thread_id uuid NOT NULL REFERENCES threads.threads (id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        opening boolean NOT NULL DEFAULT false,
        body text NOT NULL,
        -- Rendered and sanitised once, when written: reads far outnumber writes.
        body_html text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('EVERYONE', 'INTERNAL')),
        status text NOT NULL CHECK (status IN ('VISIBLE', 'PENDING_REVIEW', 'HIDDEN', 'DELETED')),
        reply_to_post_id uuid REFERENCES threads.posts (id) ON DELETE SET NULL,
        helpful_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        language regconfig NOT NULL DEFAULT 'english',
        search tsvector GENERATED ALWAYS AS (to_tsvector(language, body)) STORED
      )`);
    // Keyset paging: (thread, seq) makes page 500 cost what page 1 costs.
    await db.query(`CREATE INDEX posts_thread_seq_idx ON threads.posts (thread_id, seq)`);
    await db.query(`CREATE UNIQUE INDEX posts_opening_idx ON threads.posts (thread_id) WHERE opening`);
    await db.query(`CREATE INDEX posts_author_idx ON threads.posts (author_id, created_at DESC)`);
    await db.query(`CREATE INDEX posts_search_idx ON threads.posts USING gin (search)`);
    await db.query(`
      CREATE TABLE threads.post_edits (
        id bigserial PRIMARY KEY,
        post_id uuid NOT NULL REFERENCES threads.posts (id) ON DELETE CASCADE,
        previous_body text NOT NULL,
        editor_id uuid NOT NULL,
        edited_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX post_edits_post_idx ON threads.post_edits (post_id, id DESC)`);
    await db.query(`
      CREATE TABLE threads.helpful_marks (
        post_id uuid NOT NULL REFERENCES threads.posts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE threads.helpful_marks, threads.post_edits, threads.posts, threads.threads`);
  }
}
