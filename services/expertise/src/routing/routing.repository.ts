import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface RoutingJob {
  threadId: string;
  postId: string;
  spaceId: string;
  authorId: string;
  topicIds: string[];
}

@Injectable()
export class RoutingRepository {
  /** A new question waits `delaySeconds` for a reply; a question announced twice waits once. */
  async schedule(tx: EntityManager, job: RoutingJob, askedAt: string, delaySeconds: number): Promise<void> {
    await tx.query(
      `INSERT INTO expertise.routing_jobs (thread_id, post_id, space_id, author_id, topic_ids, due_at, state)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz + make_interval(secs => $7), 'PENDING') ON CONFLICT (thread_id) DO NOTHING`,
      [job.threadId, job.postId, job.spaceId, job.authorId, job.topicIds, askedAt, delaySeconds],
    );
  }

  /** Someone else replied (or an answer was accepted): nobody needs to be asked any more. */
  async answered(tx: EntityManager, threadId: string, replierId: string | null): Promise<void> {
    await tx.query(
      `UPDATE expertise.routing_jobs SET state = 'ANSWERED', updated_at = now()
       WHERE thread_id = $1 AND state = 'PENDING' AND ($2::uuid IS NULL OR author_id <> $2::uuid)`,
      [threadId, replierId],
    );
  }

  /** Due questions, each to one replica (the lock is held until the caller's transaction ends). */
  async due(tx: EntityManager, limit: number): Promise<RoutingJob[]> {
    return tx.query(
      `SELECT thread_id AS "threadId", post_id AS "postId", space_id AS "spaceId", author_id AS "authorId", topic_ids AS "topicIds"
       FROM expertise.routing_jobs WHERE state = 'PENDING' AND due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async finish(tx: EntityManager, threadId: string, state: 'ROUTED' | 'NO_EXPERT', expertIds: string[]): Promise<void> {
    await tx.query(`UPDATE expertise.routing_jobs SET state = $2, updated_at = now() WHERE thread_id = $1`, [threadId, state]);
    if (expertIds.length > 0) {
      await tx.query(`INSERT INTO expertise.routings (thread_id, expert_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [threadId, expertIds]);
    }
  }

  /** Of these experts, those asked fewer than `cap` times in the last 24 hours. */
  async underCap(tx: EntityManager, expertIds: string[], cap: number): Promise<Set<string>> {
    const rows: Array<{ expert_id: string }> = await tx.query(
      `SELECT e AS expert_id FROM unnest($1::uuid[]) AS e
       WHERE (SELECT count(*) FROM expertise.routings r WHERE r.expert_id = e AND r.routed_at > now() - interval '24 hours') < $2`,
      [expertIds, cap],
    );
    return new Set(rows.map((row) => row.expert_id));
  }
}
