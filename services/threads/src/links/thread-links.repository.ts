import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

@Injectable()
export class ThreadLinksRepository {
  constructor(private readonly db: Database) {}

  async link(fromThreadId: string, toThreadId: string, createdBy: string): Promise<void> {
    await this.db.query(
      `INSERT INTO threads.thread_links (from_thread_id, to_thread_id, created_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [fromThreadId, toThreadId, createdBy],
    );
  }

  /** Every thread linked to this one, in either direction; who may see them is decided afterwards. */
  async linkedTo(threadId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT to_thread_id AS id FROM threads.thread_links WHERE from_thread_id = $1
       UNION SELECT from_thread_id FROM threads.thread_links WHERE to_thread_id = $1`,
      [threadId],
    );
    return rows.map((row) => row.id);
  }
}
