import { Database } from '@kern/database';
import type { Reader } from '../access/reader';
import { Injectable } from '@nestjs/common';
import { readerParameters } from '../access/reader';
import { postColumns, type PostRow } from '../posts/post-row';

export type FlagReason = 'SPAM' | 'OFF_TOPIC' | 'INAPPROPRIATE' | 'OTHER';

/** What an author has written lately: what trust, limits and the spam check are decided from. */
export interface AuthorActivity {
  postsNotRemoved: number;
  threadsSince: number;
  repliesSince: number;
  lastPostAt: Date | null;
  recentBodies: string[];
}

/** Posts and flags an account wrote in the last minute, and when the oldest of them was. */
export interface WriteRate {
  writesLastMinute: number;
  oldestWriteLastMinute: Date | null;
}

@Injectable()
export class ModerationRepository {
  constructor(private readonly db: Database) {}

  /** `since`: counts threads and replies from then on (the account's first day). */
  async activityOf(authorId: string, since: Date): Promise<AuthorActivity> {
    const [row] = await this.db.query(
      `SELECT
         (SELECT count(*)::int FROM threads.posts WHERE author_id = $1 AND status = 'VISIBLE') AS "postsNotRemoved",
         (SELECT count(*)::int FROM threads.posts WHERE author_id = $1 AND opening AND created_at >= $2) AS "threadsSince",
         (SELECT count(*)::int FROM threads.posts WHERE author_id = $1 AND NOT opening AND created_at >= $2) AS "repliesSince",
         (SELECT max(created_at) FROM threads.posts WHERE author_id = $1) AS "lastPostAt",
         ARRAY(SELECT body FROM threads.posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 5) AS "recentBodies"`,
      [authorId, since],
    );
    return row;
  }

  async writeRate(userId: string): Promise<WriteRate> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS "writesLastMinute", min(created_at) AS "oldestWriteLastMinute" FROM (
         SELECT created_at FROM threads.posts WHERE author_id = $1 AND created_at > now() - interval '1 minute'
         UNION ALL SELECT created_at FROM threads.flags WHERE user_id = $1 AND created_at > now() - interval '1 minute') w`,
      [userId],
    );
    return row;
  }

  /** Records a flag once per member and post; answers how many members (and whether a moderator) flag it now. */
  async flag(postId: string, userId: string, reason: FlagReason, comment: string | null): Promise<{ added: boolean; openFlags: number }> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO threads.flags (post_id, user_id, reason, comment) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [postId, userId, reason, comment],
    );
    const [{ open }] = await this.db.query(`SELECT count(*)::int AS open FROM threads.flags WHERE post_id = $1 AND resolved_at IS NULL`, [postId]);
    return { added: inserted.length > 0, openFlags: open };
  }

  async resolveFlags(postId: string): Promise<void> {
    await this.db.query(`UPDATE threads.flags SET resolved_at = now() WHERE post_id = $1 AND resolved_at IS NULL`, [postId]);
  }

  async log(postId: string, moderatorId: string | null, action: string, reason: string | null): Promise<void> {
    await this.db.query(`INSERT INTO threads.moderation_actions (post_id, moderator_id, action, reason) VALUES ($1, $2, $3, $4)`, [postId, moderatorId, action, reason]);
  }

  async history(postId: string): Promise<Array<{ moderatorId: string | null; action: string; reason: string | null; at: Date }>> {
    return this.db.query(
      `SELECT moderator_id AS "moderatorId", action, reason, created_at AS at FROM threads.moderation_actions WHERE post_id = $1 ORDER BY id`,
      [postId],
    );
  }

  /** Spaces that have posts waiting for a moderator: held as spam, hidden, or with open flags. */
  async spacesWithQueue(): Promise<string[]> {
    const rows: Array<{ space_id: string }> = await this.db.query(
      `SELECT DISTINCT t.space_id FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id
       WHERE p.status IN ('PENDING_REVIEW', 'HIDDEN') OR EXISTS (SELECT 1 FROM threads.flags f WHERE f.post_id = p.id AND f.resolved_at IS NULL)`,
    );
    return rows.map((row) => row.space_id);
  }

  /** The queue of the given spaces, oldest first; the reader moderates all of them. */
  queue(reader: Reader, spaceIds: string[], first: number, afterSeq?: string): Promise<PostRow[]> {
    return this.db.query(
      `SELECT ${postColumns('$1')} FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id
       WHERE t.space_id = ANY($4::uuid[]) AND (p.visibility = 'EVERYONE' OR $2::boolean) AND $3::boolean
         AND (p.status IN ('PENDING_REVIEW', 'HIDDEN') OR EXISTS (SELECT 1 FROM threads.flags f WHERE f.post_id = p.id AND f.resolved_at IS NULL))
         AND p.seq > $5::bigint
       ORDER BY p.seq LIMIT $6`,
      [...readerParameters(reader), spaceIds, afterSeq ?? '0', first + 1],
    );
  }
}
