import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search, part two of the schema (the stemmed columns came with the threads):
 *   - A thread is found by its own text as one document, title and opening post together, so
 *     `login password` finds the thread titled "Cannot log in" whose text is about the password,
 *     and `-page` leaves out a thread whose text says "page" even when its title does not.
 *     `threads.search` holds that document (the title weighted A, the text B), kept current by
 *     triggers: the title lives in one table and the text in another, and every writer of either
 *     (starting, editing, moving, purging) would otherwise have to remember it.
 *   - Dutch texts borrow English words ("communities"), which the Dutch stemmer leaves alone, so a
 *     Dutch document holds its English stems too, and so does `posts.search_bilingual` for Dutch
 *     posts (null for English ones). Stored rather than computed, so ranking a thousand Dutch
 *     matches does not stem a thousand texts again.
 */
export class SearchDocuments1764547200000 implements MigrationInterface {
  name = 'SearchDocuments1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION threads.search_document(language regconfig, title text, body text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector(language, title), 'A') || setweight(to_tsvector(language, coalesce(body, '')), 'B')
          || CASE WHEN language = 'dutch'::regconfig
               THEN setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B')
               ELSE ''::tsvector END
      $$`);
    await db.query(`ALTER TABLE threads.threads ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector`);
    await db.query(`
      CREATE FUNCTION threads.thread_search_from_thread() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := threads.search_document(NEW.language, NEW.title, (SELECT body FROM threads.posts WHERE thread_id = NEW.id AND opening));
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER thread_search_from_thread BEFORE INSERT OR UPDATE OF title, language ON threads.threads
      FOR EACH ROW EXECUTE FUNCTION threads.thread_search_from_thread()`);
    await db.query(`
      CREATE FUNCTION threads.thread_search_from_opening_post() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE threads.threads SET search = threads.search_document(language, title, NEW.body) WHERE id = NEW.thread_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER thread_search_from_opening_post AFTER INSERT OR UPDATE OF body, language ON threads.posts
      FOR EACH ROW WHEN (NEW.opening) EXECUTE FUNCTION threads.thread_search_from_opening_post()`);
    await db.query(`
      UPDATE threads.threads t SET search = threads.search_document(t.language, t.title, p.body)
      FROM threads.posts p WHERE p.thread_id = t.id AND p.opening`);
    await db.query(`CREATE INDEX threads_search_idx ON threads.threads USING gin (search)`);
    await db.query(`
      ALTER TABLE threads.posts ADD COLUMN search_bilingual tsvector GENERATED ALWAYS AS (
        CASE WHEN language = 'dutch'::regconfig THEN to_tsvector('dutch'::regconfig, body) || to_tsvector('english'::regconfig, body) END
      ) STORED`);
    await db.query(
      `CREATE INDEX posts_search_bilingual_idx ON threads.posts USING gin (search_bilingual) WHERE language = 'dutch'::regconfig`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads.posts_search_bilingual_idx, threads.threads_search_idx`);
    await db.query(`ALTER TABLE threads.posts DROP COLUMN search_bilingual`);
    await db.query(`DROP TRIGGER thread_search_from_opening_post ON threads.posts`);
    await db.query(`DROP TRIGGER thread_search_from_thread ON threads.threads`);
    await db.query(`DROP FUNCTION threads.thread_search_from_opening_post(), threads.thread_search_from_thread()`);
    await db.query(`ALTER TABLE threads.threads DROP COLUMN search`);
    await db.query(`DROP FUNCTION threads.search_document(regconfig, text, text)`);
  }
}
