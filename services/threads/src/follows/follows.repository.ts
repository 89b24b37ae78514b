import type { FollowLevel, SpaceFollowLevel } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

@Injectable()
export class FollowsRepository {
  constructor(private readonly db: Database) {}

  async setThreadLevel(userId: string, threadId: string, level: FollowLevel): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.thread_follows (user_id, thread_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
      [userId, threadId, level],
    );
  }

  /** Writing in a thread makes you watch it, unless you chose a level for it before. */
  async watchUnlessChosen(userId: string, threadId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.thread_follows (user_id, thread_id, level) VALUES ($1, $2, 'WATCHING') ON CONFLICT DO NOTHING`,
      [userId, threadId],
    );
  }

  async setSpaceLevel(userId: string, spaceId: string, level: SpaceFollowLevel): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.space_follows (user_id, space_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, space_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
      [userId, spaceId, level],
    );
  }

  async spaceLevels(userId: string, spaceIds: string[]): Promise<Map<string, SpaceFollowLevel>> {
    const rows: Array<{ space_id: string; level: SpaceFollowLevel }> = await this.db.query(
      `SELECT space_id, level FROM threads.space_follows WHERE user_id = $1 AND space_id = ANY($2::uuid[])`,
      [userId, spaceIds],
    );
    return new Map(rows.map((row) => [row.space_id, row.level]));
  }

  /** Read up to `seq` (or the thread's last post); reading never moves backwards. */
  async markRead(userId: string, threadId: string, seq?: string): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.thread_reads (user_id, thread_id, last_read_seq)
       VALUES ($1, $2, coalesce($3::bigint, (SELECT coalesce(max(seq), 0) FROM threads.posts WHERE thread_id = $2)))
       ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = greatest(threads.thread_reads.last_read_seq, EXCLUDED.last_read_seq), read_at = now()`,
      [userId, threadId, seq ?? null],
    );
  }
}
