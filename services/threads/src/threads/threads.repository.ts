import type { ThreadKind } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { readerParameters, type Reader } from '../access/reader';
import { postColumns, visiblePost } from '../posts/post-row';
import { threadColumns, threadFollowJoins, type ThreadRow } from './thread-row';

/** A thread is visible when its opening post is (see `visiblePost`); $1-$3 are the reader. */
const SELECT_THREADS = `SELECT ${threadColumns}, ${postColumns('$1')}
  FROM threads.threads t JOIN threads.posts p ON p.thread_id = t.id AND p.opening
  ${threadFollowJoins}
  WHERE ${visiblePost('$1', '$2', '$3')}`;

export interface NewThread {
  id: string;
  spaceId: string;
  authorId: string;
  kind: ThreadKind;
  title: string;
  topicIds: string[];
  language: string;
}

@Injectable()
export class ThreadsRepository {
  constructor(private readonly db: Database) {}

  async insert(thread: NewThread): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.threads (id, space_id, author_id, kind, title, topic_ids, language) VALUES ($1, $2, $3, $4, $5, $6, $7::regconfig)`,
      [thread.id, thread.spaceId, thread.authorId, thread.kind, thread.title, thread.topicIds, thread.language],
    );
  }

  /** Which space each thread is in, before anything is shown: access is decided per space. */
  async spacesOf(ids: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; space_id: string }> = await this.db.query(
      `SELECT id, space_id FROM threads.threads WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.space_id]));
  }

  async findVisible(reader: Reader, ids: string[]): Promise<ThreadRow[]> {
    return this.db.query(`${SELECT_THREADS} AND t.id = ANY($4::uuid[])`, [...readerParameters(reader), ids]);
  }

  /**
   * Locks the thread's row for the rest of the transaction, so replies, counts, a lock and a move
   * happen one after another, and answers where the thread is now: it may have moved or been locked
   * since the caller checked access, before its transaction.
   */
  async lockForWrite(id: string): Promise<{ spaceId: string; locked: boolean } | null> {
    const rows: Array<{ space_id: string; locked: boolean }> = await this.db.query(
      `SELECT space_id, locked_at IS NOT NULL AS locked FROM threads.threads WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? { spaceId: rows[0].space_id, locked: rows[0].locked } : null;
  }

  /** Every thread and post of a space, stemmed in its new language. */
  async setSpaceLanguage(spaceId: string, language: string): Promise<void> {
    await this.db.query(
      `UPDATE threads.threads SET language = $2::regconfig WHERE space_id = $1 AND language <> $2::regconfig`,
      [spaceId, language],
    );
    await this.db.query(
      `UPDATE threads.posts p SET language = $2::regconfig FROM threads.threads t WHERE t.id = p.thread_id AND t.space_id = $1 AND p.language <> $2::regconfig`,
      [spaceId, language],
    );
  }

  /** Into another space, stemmed in that space's language from now on. */
  async move(id: string, spaceId: string, language: string): Promise<void> {
    await this.db.query(`UPDATE threads.threads SET space_id = $2, language = $3::regconfig WHERE id = $1`, [
      id,
      spaceId,
      language,
    ]);
    await this.db.query(`UPDATE threads.posts SET language = $2::regconfig WHERE thread_id = $1`, [id, language]);
  }

  /**
   * Newest first, by (created_at, id): new threads land on page one and never shift the later pages.
   * A thread whose opening post was deleted is listed for moderators only (who still see its title,
   * its replies and their flags); for everyone else it would be an empty-titled shell.
   */
  list(
    reader: Reader,
    query: { spaceId: string; topicIds?: string[]; first: number; after?: { createdAt: string; id: string } },
  ): Promise<ThreadRow[]> {
    return this.db.query(
      `${SELECT_THREADS} AND t.space_id = $4 AND (p.status <> 'DELETED' OR $3::boolean)
         AND ($5::uuid[] IS NULL OR t.topic_ids && $5::uuid[])
         AND ($6::timestamptz IS NULL OR (t.created_at, t.id) < ($6::timestamptz, $7::uuid))
       ORDER BY t.created_at DESC, t.id DESC LIMIT $8`,
      [
        ...readerParameters(reader),
        query.spaceId,
        query.topicIds ?? null,
        query.after?.createdAt ?? null,
        query.after?.id ?? null,
        query.first + 1,
      ],
    );
  }

  async setLocked(id: string, locked: boolean): Promise<void> {
    await this.db.query(
      `UPDATE threads.threads SET locked_at = CASE WHEN $2::boolean THEN coalesce(locked_at, now()) END WHERE id = $1`,
      [id, locked],
    );
  }

  async setAcceptedPost(id: string, postId: string): Promise<void> {
    await this.db.query(`UPDATE threads.threads SET accepted_post_id = $2 WHERE id = $1`, [id, postId]);
  }

  /** A new visible reply: counted for employees always, for everyone when it is not an internal note. */
  async countReply(id: string, visibility: 'EVERYONE' | 'INTERNAL'): Promise<void> {
    await this.db.query(
      `UPDATE threads.threads SET reply_count_all = reply_count_all + 1, last_activity_all = now(),
         reply_count_everyone = reply_count_everyone + CASE WHEN $2 = 'EVERYONE' THEN 1 ELSE 0 END,
         last_activity_everyone = CASE WHEN $2 = 'EVERYONE' THEN now() ELSE last_activity_everyone END
       WHERE id = $1`,
      [id, visibility],
    );
  }

  /** After a reply is deleted, hidden or restored: count again from the posts. */
  async recount(id: string): Promise<void> {
    await this.db.query(
      `UPDATE threads.threads t SET
         reply_count_all = (SELECT count(*) FROM threads.posts p WHERE p.thread_id = t.id AND NOT p.opening AND p.status = 'VISIBLE'),
         reply_count_everyone = (SELECT count(*) FROM threads.posts p WHERE p.thread_id = t.id AND NOT p.opening AND p.status = 'VISIBLE' AND p.visibility = 'EVERYONE'),
         last_activity_all = greatest(t.created_at, (SELECT max(p.created_at) FROM threads.posts p WHERE p.thread_id = t.id AND p.status = 'VISIBLE')),
         last_activity_everyone = greatest(t.created_at,
           (SELECT max(p.created_at) FROM threads.posts p WHERE p.thread_id = t.id AND p.status = 'VISIBLE' AND p.visibility = 'EVERYONE'))
       WHERE t.id = $1`,
      [id],
    );
  }
}
