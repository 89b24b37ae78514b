import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

/** Who follows a thread closely enough to hear of a new post, and who muted it. */
@Injectable()
export class RecipientsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Watchers of the thread, and watchers of its space who set no level for the thread (for a new
   * thread, WATCHING_FIRST_POST counts too).
   */
  async watchers(threadId: string, spaceId: string, opening: boolean): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM threads.thread_follows WHERE thread_id = $1 AND level = 'WATCHING'
       UNION
       SELECT sf.user_id FROM threads.space_follows sf
       WHERE sf.space_id = $2 AND (sf.level = 'WATCHING' OR ($3::boolean AND sf.level = 'WATCHING_FIRST_POST'))
         AND NOT EXISTS (SELECT 1 FROM threads.thread_follows tf WHERE tf.thread_id = $1 AND tf.user_id = sf.user_id)`,
      [threadId, spaceId, opening],
    );
    return rows.map((row) => row.user_id);
  }

  /** Of these users, those who muted the thread, or its space without choosing a level for the thread. */
  async muted(threadId: string, spaceId: string, userIds: string[]): Promise<Set<string>> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT u AS user_id FROM unnest($3::uuid[]) AS u
       LEFT JOIN threads.thread_follows tf ON tf.thread_id = $1 AND tf.user_id = u
       LEFT JOIN threads.space_follows sf ON sf.space_id = $2 AND sf.user_id = u
       WHERE tf.level = 'MUTED' OR (tf.level IS NULL AND sf.level = 'MUTED')`,
      [threadId, spaceId, userIds],
    );
    return new Set(rows.map((row) => row.user_id));
  }

  async authorOf(postId: string): Promise<string | null> {
    const rows: Array<{ author_id: string }> = await this.db.query(
      `SELECT author_id FROM threads.posts WHERE id = $1`,
      [postId],
    );
    return rows[0]?.author_id ?? null;
  }
}
