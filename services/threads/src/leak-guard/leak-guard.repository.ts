import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

/**
 * How much text one check reads, per kind of source (internal notes, posts of linked internal
 * threads, public posts): the newest first, up to this many posts and characters of stored HTML (the
 * newest one always whole). Enough for a long conversation, and at most ~40 ms of matching per kind
 * on the development machine: a thread of 100,000 posts costs no more.
 */
export const MAX_SOURCES = 500;
export const MAX_SOURCE_CHARS = 250_000;
/** A new thread is compared with the notes of the space's newest threads and of those its author wrote in lately. */
export const NEWEST_THREADS = 1000;
export const AUTHORS_RECENT_POSTS = 200;
export const MAX_LINKS = 100;

export interface StoredText {
  threadId: string;
  html: string;
}

export interface LinkedThread {
  id: string;
  spaceId: string;
  title: string;
  /** The thread of the ones asked about that it is linked to. */
  partnerId: string;
}

/** The newest posts of `where` (over `p`, with the thread ids in $1), within MAX_SOURCES ($2) and MAX_SOURCE_CHARS ($3). */
const newestPosts = (where: string) => `
  SELECT "threadId", html FROM (
    SELECT p.thread_id AS "threadId", p.body_html AS html, sum(length(p.body_html)) OVER (ORDER BY p.seq DESC) - length(p.body_html) AS before
    FROM threads.posts p WHERE p.thread_id = ANY($1::uuid[]) AND p.body_html <> '' AND ${where}
    ORDER BY p.seq DESC LIMIT $2
  ) newest WHERE before < $3`;

/** What the leak guard compares public text with, read as stored (rendered HTML), bounded. */
@Injectable()
export class LeakGuardRepository {
  constructor(private readonly db: Database) {}

  /** The spaces of the threads, and of the posts' threads, that have these ids. */
  async spacesOf(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ space_id: string }> = await this.db.query(
      `SELECT space_id FROM threads.threads WHERE id = ANY($1::uuid[])
       UNION SELECT t.space_id FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => row.space_id);
  }

  /** Where a new thread's text may come from: the space's newest threads, and the author's latest ones there. */
  async candidateThreads(spaceId: string, authorId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `(SELECT id FROM threads.threads WHERE space_id = $1 ORDER BY created_at DESC, id DESC LIMIT $3)
       UNION
       SELECT t.id FROM (SELECT thread_id FROM threads.posts WHERE author_id = $2 ORDER BY created_at DESC LIMIT $4) mine
       JOIN threads.threads t ON t.id = mine.thread_id AND t.space_id = $1`,
      [spaceId, authorId, NEWEST_THREADS, AUTHORS_RECENT_POSTS],
    );
    return rows.map((row) => row.id);
  }

  /** Internal notes of these threads (deleted ones too, while they keep their text: their author read them). */
  internalNotes(threadIds: string[]): Promise<StoredText[]> {
    return this.db.query(newestPosts(`p.visibility = 'INTERNAL'`), [threadIds, MAX_SOURCES, MAX_SOURCE_CHARS]);
  }

  /** What customers of these threads read: their visible public posts, opening posts included. */
  publicPosts(threadIds: string[]): Promise<StoredText[]> {
    return this.db.query(newestPosts(`p.visibility = 'EVERYONE' AND p.status = 'VISIBLE'`), [
      threadIds,
      MAX_SOURCES,
      MAX_SOURCE_CHARS,
    ]);
  }

  /** Every post of these threads, whatever its visibility: for linked threads of internal spaces. */
  allPosts(threadIds: string[]): Promise<StoredText[]> {
    return this.db.query(newestPosts('true'), [threadIds, MAX_SOURCES, MAX_SOURCE_CHARS]);
  }

  async titles(threadIds: string[]): Promise<string[]> {
    const rows: Array<{ title: string }> = await this.db.query(
      `SELECT title FROM threads.threads WHERE id = ANY($1::uuid[])`,
      [threadIds],
    );
    return rows.map((row) => row.title);
  }

  /** Threads linked to these (escalations, either way), newest links first; who may read them is decided afterwards. */
  async linkedThreads(threadIds: string[]): Promise<LinkedThread[]> {
    return this.db.query(
      `SELECT DISTINCT ON (o.id) o.id, o.space_id AS "spaceId", o.title, l.partner AS "partnerId" FROM (
         SELECT to_thread_id AS id, from_thread_id AS partner, created_at FROM threads.thread_links WHERE from_thread_id = ANY($1::uuid[])
         UNION ALL
         SELECT from_thread_id, to_thread_id, created_at FROM threads.thread_links WHERE to_thread_id = ANY($1::uuid[])
         ORDER BY created_at DESC LIMIT $2
       ) l JOIN threads.threads o ON o.id = l.id
       WHERE NOT o.id = ANY($1::uuid[])`,
      [threadIds, MAX_LINKS],
    );
  }
}
