import type { FollowLevel, ThreadKind } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { readerParameters, type Reader } from '../access/reader';
import type { PostRecord } from '../posts/post.record';
import { postColumns, visiblePost } from '../posts/posts.repository';
import type { ThreadRecord } from './thread.record';

/** A thread with its opening post as selected: the post's columns, the thread's prefixed with `t_`. */
interface ThreadRow extends PostRecord {
  t_space_id: string;
  t_author_id: string;
  t_kind: ThreadKind;
  t_title: string;
  t_topic_ids: string[];
  t_language: string;
  t_created_at: Date;
  t_locked_at: Date | null;
  t_accepted_post_id: string | null;
  t_reply_count_everyone: number;
  t_reply_count_all: number;
  t_last_activity_everyone: Date;
  t_last_activity_all: Date;
  t_follow_level: FollowLevel;
  t_unread: number | null;
}

/** The thread's columns, with the reader's follow level and unread count; $1 is the reader's id, $2 whether they are an employee. */
const threadColumns = `t.space_id AS t_space_id, t.author_id AS t_author_id, t.kind AS t_kind, t.title AS t_title,
  t.topic_ids AS t_topic_ids, t.language::text AS t_language, t.created_at AS t_created_at, t.locked_at AS t_locked_at, t.accepted_post_id AS t_accepted_post_id,
  t.reply_count_everyone AS t_reply_count_everyone, t.reply_count_all AS t_reply_count_all,
  t.last_activity_everyone AS t_last_activity_everyone, t.last_activity_all AS t_last_activity_all,
  coalesce(tf.level, CASE sf.level WHEN 'WATCHING' THEN 'WATCHING' WHEN 'MUTED' THEN 'MUTED' ELSE 'NORMAL' END) AS t_follow_level,
  CASE WHEN $1::uuid IS NULL THEN NULL ELSE (
    SELECT count(*)::int FROM threads.posts u
    WHERE u.thread_id = t.id AND NOT u.opening AND u.status = 'VISIBLE' AND (u.visibility = 'EVERYONE' OR $2::boolean)
      AND u.seq > coalesce(tr.last_read_seq, 0) AND u.author_id <> $1::uuid) END AS t_unread`;

/** The reader's follow and read state of `t`; the reader's id is $1. */
const threadFollowJoins = `LEFT JOIN threads.thread_follows tf ON tf.thread_id = t.id AND tf.user_id = $1::uuid
  LEFT JOIN threads.space_follows sf ON sf.space_id = t.space_id AND sf.user_id = $1::uuid
  LEFT JOIN threads.thread_reads tr ON tr.thread_id = t.id AND tr.user_id = $1::uuid`;

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

  async findVisible(reader: Reader, ids: string[]): Promise<ThreadRecord[]> {
    const rows: ThreadRow[] = await this.db.query(`${SELECT_THREADS} AND t.id = ANY($4::uuid[])`, [
      ...readerParameters(reader),
      ids,
    ]);
    return rows.map(toThreadRecord);
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
  async list(
    reader: Reader,
    query: { spaceId: string; topicIds?: string[]; first: number; after?: { createdAt: string; id: string } },
  ): Promise<ThreadRecord[]> {
    const rows: ThreadRow[] = await this.db.query(
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
    return rows.map(toThreadRecord);
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

function toThreadRecord(row: ThreadRow): ThreadRecord {
  const {
    t_space_id,
    t_author_id,
    t_kind,
    t_title,
    t_topic_ids,
    t_language,
    t_created_at,
    t_locked_at,
    t_accepted_post_id,
    t_reply_count_everyone,
    t_reply_count_all,
    t_last_activity_everyone,
    t_last_activity_all,
    t_follow_level,
    t_unread,
    ...openingPost
  } = row;
  return {
    id: openingPost.threadId,
    spaceId: t_space_id,
    authorId: t_author_id,
    kind: t_kind,
    title: t_title,
    topicIds: t_topic_ids,
    language: t_language,
    createdAt: t_created_at,
    lockedAt: t_locked_at,
    acceptedPostId: t_accepted_post_id,
    replyCountEveryone: t_reply_count_everyone,
    replyCountAll: t_reply_count_all,
    lastActivityEveryone: t_last_activity_everyone,
    lastActivityAll: t_last_activity_all,
    followLevel: t_follow_level,
    unread: t_unread,
    openingPost,
  };
}
