import type { PostStatus, PostVisibility } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { readerParameters, type Reader } from '../access/reader';
import type { PostRecord } from './post.record';

export interface NewPost {
  id: string;
  threadId: string;
  authorId: string;
  opening: boolean;
  body: string;
  bodyHtml: string;
  visibility: PostVisibility;
  status: PostStatus;
  replyToPostId: string | null;
  language: string;
}

/** Columns of `p` (posts) as a `PostRecord` for one reader, whose user id is the query's parameter `viewer`. */
export const postColumns = (viewer: string) => `p.id, p.seq, p.thread_id AS "threadId", p.author_id AS "authorId",
  p.opening, p.body, p.body_html AS "bodyHtml", p.visibility, p.status, p.reply_to_post_id AS "replyToPostId",
  p.helpful_count AS "helpfulCount", p.created_at AS "createdAt", p.edited_at AS "editedAt", p.deleted_at AS "deletedAt",
  EXISTS (SELECT 1 FROM threads.helpful_marks h WHERE h.post_id = p.id AND h.user_id = ${viewer}::uuid) AS "viewerMarkedHelpful"`;

/**
 * Which posts a reader sees, over `p`, with the reader's id, whether they are an employee and
 * whether they moderate the space in the given parameters. Internal notes exist for employees only;
 * held and hidden posts for their author and moderators; deleted ones show as deleted.
 */
export const visiblePost = (viewer: string, employee: string, moderator: string) => `(
  (p.visibility = 'EVERYONE' OR ${employee}::boolean)
  AND (p.status IN ('VISIBLE', 'DELETED') OR p.author_id = ${viewer}::uuid OR ${moderator}::boolean)
)`;

const SELECT_POSTS = `SELECT ${postColumns('$1')} FROM threads.posts p WHERE ${visiblePost('$1', '$2', '$3')}`;

@Injectable()
export class PostsRepository {
  constructor(private readonly db: Database) {}

  async insert(post: NewPost): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.posts (id, thread_id, author_id, opening, body, body_html, visibility, status, reply_to_post_id, language, published)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::regconfig, $8 = 'VISIBLE')`,
      [
        post.id,
        post.threadId,
        post.authorId,
        post.opening,
        post.body,
        post.bodyHtml,
        post.visibility,
        post.status,
        post.replyToPostId,
        post.language,
      ],
    );
  }

  /** Which thread each post is in, before anything is shown: access is decided per thread's space. */
  async placesOf(ids: string[]): Promise<Array<{ id: string; threadId: string; spaceId: string }>> {
    return this.db.query(
      `SELECT p.id, p.thread_id AS "threadId", t.space_id AS "spaceId" FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  findVisible(reader: Reader, ids: string[]): Promise<PostRecord[]> {
    return this.db.query(`${SELECT_POSTS} AND p.id = ANY($4::uuid[])`, [...readerParameters(reader), ids]);
  }

  /**
   * Locks the post's row for the rest of the transaction and answers its state now (see
   * `ThreadsRepository.lockForWrite`); `published`: whether its readers were told of it already.
   */
  async lockForWrite(id: string): Promise<{ body: string; status: PostStatus; published: boolean } | null> {
    const rows: Array<{ body: string; status: PostStatus; published: boolean }> = await this.db.query(
      `SELECT body, status, published FROM threads.posts WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Replies in writing order, by `seq`: one index range, as cheap on page 500 as on page 1. */
  listReplies(reader: Reader, threadId: string, first: number, afterSeq?: string): Promise<PostRecord[]> {
    return this.db.query(
      `${SELECT_POSTS} AND p.thread_id = $4 AND NOT p.opening AND p.seq > $5::bigint ORDER BY p.seq LIMIT $6`,
      [...readerParameters(reader), threadId, afterSeq ?? '0', first + 1],
    );
  }

  async authorsIn(threadId: string): Promise<string[]> {
    const rows: Array<{ author_id: string }> = await this.db.query(
      `SELECT DISTINCT author_id FROM threads.posts WHERE thread_id = $1`,
      [threadId],
    );
    return rows.map((row) => row.author_id);
  }

  /** Keeps the version it replaces, with the space the thread is in now: who may read that space may read the version later. */
  async edit(id: string, body: string, bodyHtml: string, editorId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.post_edits (post_id, previous_body, editor_id, space_id)
       SELECT p.id, p.body, $2, t.space_id FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id WHERE p.id = $1`,
      [id, editorId],
    );
    await this.db.query(`UPDATE threads.posts SET body = $2, body_html = $3, edited_at = now() WHERE id = $1`, [
      id,
      body,
      bodyHtml,
    ]);
  }

  /** Newest first; `spaceId` is where the thread was when the version was replaced (null: not known). */
  async history(
    id: string,
  ): Promise<Array<{ previousBody: string; editorId: string; editedAt: Date; spaceId: string | null }>> {
    return this.db.query(
      `SELECT previous_body AS "previousBody", editor_id AS "editorId", edited_at AS "editedAt", space_id AS "spaceId"
       FROM threads.post_edits WHERE post_id = $1 ORDER BY id DESC`,
      [id],
    );
  }

  async setStatus(id: string, status: PostStatus): Promise<void> {
    await this.db.query(
      `UPDATE threads.posts SET status = $2, deleted_at = CASE WHEN $2 = 'DELETED' THEN now() ELSE NULL END, published = published OR $2 = 'VISIBLE' WHERE id = $1`,
      [id, status],
    );
  }

  /** Marks or unmarks, once per user, keeping the post's count in step; answers whether anything changed. */
  async setHelpful(postId: string, userId: string, helpful: boolean): Promise<boolean> {
    const sql = helpful
      ? `WITH added AS (INSERT INTO threads.helpful_marks (post_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
         UPDATE threads.posts SET helpful_count = helpful_count + (SELECT count(*) FROM added) WHERE id = $1 RETURNING (SELECT count(*) FROM added) AS changed`
      : `WITH removed AS (DELETE FROM threads.helpful_marks WHERE post_id = $1 AND user_id = $2 RETURNING 1)
         UPDATE threads.posts SET helpful_count = helpful_count - (SELECT count(*) FROM removed) WHERE id = $1 RETURNING (SELECT count(*) FROM removed) AS changed`;
    const [rows]: [Array<{ changed: string }>, number] = await this.db.query(sql, [postId, userId]);
    return Number(rows[0]?.changed ?? 0) > 0;
  }

  /** Deleted posts keep their text 30 days for moderators, then lose it. */
  async purgeDeleted(): Promise<number> {
    const [, count] = await this.db.query<[unknown, number]>(
      `UPDATE threads.posts SET body = '', body_html = '' WHERE status = 'DELETED' AND deleted_at < now() - interval '30 days' AND body <> ''`,
    );
    return count;
  }
}
