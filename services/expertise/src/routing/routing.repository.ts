import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

export interface RoutingJob {
  threadId: string;
  postId: string;
  spaceId: string;
  authorId: string;
  topicIds: string[];
}

/** How long a replica may take to route the questions it claimed before another takes them over. */
const CLAIM_SECONDS = 60;

@Injectable()
export class RoutingRepository {
  constructor(private readonly db: Database) {}

  /** A new question waits `delaySeconds` for a reply; a question announced twice waits once. */
  async schedule(job: RoutingJob, askedAt: string, delaySeconds: number): Promise<void> {
    await this.db.query(
      `INSERT INTO expertise.routing_jobs (thread_id, post_id, space_id, author_id, topic_ids, due_at, state)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz + make_interval(secs => $7), 'PENDING') ON CONFLICT (thread_id) DO NOTHING`,
      [job.threadId, job.postId, job.spaceId, job.authorId, job.topicIds, askedAt, delaySeconds],
    );
  }

  /** Someone else replied (or an answer was accepted): nobody needs to be asked any more. */
  async answered(threadId: string, replierId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE expertise.routing_jobs SET state = 'ANSWERED', updated_at = now()
       WHERE thread_id = $1 AND state = 'PENDING' AND ($2::uuid IS NULL OR author_id <> $2::uuid)`,
      [threadId, replierId],
    );
  }

  /**
   * Claims due questions for this replica: they are due again only after CLAIM_SECONDS, when the
   * replica that claimed them died before finishing. No lock is held while the experts are chosen.
   */
  async claimDue(limit: number): Promise<RoutingJob[]> {
    const [rows]: [RoutingJob[], number] = await this.db.query(
      `UPDATE expertise.routing_jobs SET due_at = now() + make_interval(secs => $2), updated_at = now()
       WHERE thread_id IN (SELECT thread_id FROM expertise.routing_jobs WHERE state = 'PENDING' AND due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING thread_id AS "threadId", post_id AS "postId", space_id AS "spaceId", author_id AS "authorId", topic_ids AS "topicIds"`,
      [limit, CLAIM_SECONDS],
    );
    return rows;
  }

  /** Answers false when the question was answered while its experts were being chosen. */
  async finish(threadId: string, state: 'ROUTED' | 'NO_EXPERT', expertIds: string[]): Promise<boolean> {
    const [, updated]: [unknown, number] = await this.db.query(
      `UPDATE expertise.routing_jobs SET state = $2, updated_at = now() WHERE thread_id = $1 AND state = 'PENDING'`,
      [threadId, state],
    );
    if (updated === 0) return false;
    if (expertIds.length > 0) {
      await this.db.query(
        `INSERT INTO expertise.routings (thread_id, expert_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [threadId, expertIds],
      );
    }
    return true;
  }

  /** Of these experts, those asked fewer than `cap` times in the last 24 hours. */
  async underCap(expertIds: string[], cap: number): Promise<Set<string>> {
    const rows: Array<{ expert_id: string }> = await this.db.query(
      `SELECT e AS expert_id FROM unnest($1::uuid[]) AS e
       WHERE (SELECT count(*) FROM expertise.routings r WHERE r.expert_id = e AND r.routed_at > now() - interval '24 hours') < $2`,
      [expertIds, cap],
    );
    return new Set(rows.map((row) => row.expert_id));
  }
}
