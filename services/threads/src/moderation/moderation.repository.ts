import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { readerParameters, type Reader } from '../access/reader';
import type { PostRecord } from '../posts/post.record';
import { postColumns } from '../posts/posts.repository';

export type FlagReason = 'SPAM' | 'OFF_TOPIC' | 'INAPPROPRIATE' | 'OTHER';

/** What an author has written lately: what trust, limits and the spam check are decided from. */
export interface AuthorActivity {
  postsNotRemoved: number;
  threadsSince: number;
  repliesSince: number;
  lastPostAt: Date | null;
  recentBodies: string[];
}

/**
 * Waiting for a moderator: held as possible spam, or flagged and not decided yet (every decision
 * resolves the flags). A deleted post needs no decision.
 */
const AWAITS_MODERATOR = `p.status <> 'DELETED'
  AND (p.status = 'PENDING_REVIEW' OR EXISTS (SELECT 1 FROM threads.flags f WHERE f.post_id = p.id AND f.resolved_at IS NULL))`;

@Injectable()
export class ModerationRepository {
  constructor(private readonly db: Database) {}

  /**
   * `since`: counts threads and replies from then on (the account's first day). `exceptPostId`: a
   * post being edited, left out of the recent texts (its old version is no repetition).
   */
  async activityOf(authorId: string, since: Date, exceptPostId: string | null = null): Promise<AuthorActivity> {
    const [row] = await this.db.query<[AuthorActivity]>(
      `SELECT
         (SELECT count(*)::int FROM threads.posts WHERE author_id = $1 AND status = 'VISIBLE') AS "postsNotRemoved",
         (SELECT count(*)::int FROM threads.posts WHERE author_id = $1 AND opening AND created_at >= $2) AS "threadsSince",
         (SELECT count(*)::int FROM threads.posts WHERE author_id = $1 AND NOT opening AND created_at >= $2) AS "repliesSince",
         (SELECT max(created_at) FROM threads.posts WHERE author_id = $1) AS "lastPostAt",
         ARRAY(SELECT body FROM threads.posts WHERE author_id = $1 AND id IS DISTINCT FROM $3::uuid ORDER BY created_at DESC LIMIT 5) AS "recentBodies"`,
      [authorId, since, exceptPostId],
    );
    return row;
  }

  /**
   * Takes one of the account's `limit` writes of the last minute, or answers false when all are
   * taken. One statement: the conflicting row is locked and re-read, so parallel writes queue on it
   * and no more than `limit` ever get through (a count followed by an insert let them all pass).
   */
  async reserveWrite(userId: string, limit: number): Promise<boolean> {
    const reserved: unknown[] = await this.db.query(
      `INSERT INTO threads.write_rates AS w (user_id, recent) SELECT $1, ARRAY[now()] WHERE $2::int > 0
       ON CONFLICT (user_id) DO UPDATE
         SET recent = ARRAY(SELECT t FROM unnest(w.recent) AS t WHERE t > now() - interval '1 minute' ORDER BY t) || now()
         WHERE (SELECT count(*) FROM unnest(w.recent) AS t WHERE t > now() - interval '1 minute') < $2::int
       RETURNING 1`,
      [userId, limit],
    );
    return reserved.length > 0;
  }

  /** When the oldest of the account's writes in the last minute was: a minute after it, one is free again. */
  async oldestWriteLastMinute(userId: string): Promise<Date | null> {
    const [row]: Array<{ oldest: Date | null }> = await this.db.query(
      `SELECT min(t) AS oldest FROM threads.write_rates w, unnest(w.recent) AS t WHERE w.user_id = $1 AND t > now() - interval '1 minute'`,
      [userId],
    );
    return row?.oldest ?? null;
  }

  /**
   * Records a flag once per member and post; answers how many open flags count toward hiding it now
   * (those from accounts with standing, see `flagCountsTowardHiding`).
   */
  async flag(
    postId: string,
    userId: string,
    flag: { reason: FlagReason; comment: string | null; countsTowardHiding: boolean },
  ): Promise<{ added: boolean; openFlags: number }> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO threads.flags (post_id, user_id, reason, comment, counts_toward_hiding) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [postId, userId, flag.reason, flag.comment, flag.countsTowardHiding],
    );
    const [{ open }] = await this.db.query<[{ open: number }]>(
      `SELECT count(*)::int AS open FROM threads.flags WHERE post_id = $1 AND resolved_at IS NULL AND counts_toward_hiding`,
      [postId],
    );
    return { added: inserted.length > 0, openFlags: open };
  }

  async resolveFlags(postId: string): Promise<void> {
    await this.db.query(`UPDATE threads.flags SET resolved_at = now() WHERE post_id = $1 AND resolved_at IS NULL`, [
      postId,
    ]);
  }

  async log(postId: string, moderatorId: string | null, action: string, reason: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.moderation_actions (post_id, moderator_id, action, reason) VALUES ($1, $2, $3, $4)`,
      [postId, moderatorId, action, reason],
    );
  }

  async history(
    postId: string,
  ): Promise<Array<{ moderatorId: string | null; action: string; reason: string | null; at: Date }>> {
    return this.db.query(
      `SELECT moderator_id AS "moderatorId", action, reason, created_at AS at FROM threads.moderation_actions WHERE post_id = $1 ORDER BY id`,
      [postId],
    );
  }

  /** Spaces that have posts waiting for a moderator. */
  async spacesWithQueue(): Promise<string[]> {
    const rows: Array<{ space_id: string }> = await this.db.query(
      `SELECT DISTINCT t.space_id FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id WHERE ${AWAITS_MODERATOR}`,
    );
    return rows.map((row) => row.space_id);
  }

  /** The queue of the given spaces, oldest first; the reader moderates all of them. */
  queue(reader: Reader, spaceIds: string[], first: number, afterSeq?: string): Promise<PostRecord[]> {
    return this.db.query(
      `SELECT ${postColumns('$1')} FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id
       WHERE t.space_id = ANY($4::uuid[]) AND (p.visibility = 'EVERYONE' OR $2::boolean) AND $3::boolean
         AND ${AWAITS_MODERATOR}
         AND p.seq > $5::bigint
       ORDER BY p.seq LIMIT $6`,
      [...readerParameters(reader), spaceIds, afterSeq ?? '0', first + 1],
    );
  }
}
