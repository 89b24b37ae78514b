import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { ACTIVITY_DAYS, QUESTION_DAYS } from './engagement';

export interface QuestionStats {
  questions: number;
  answered: number;
  medianFirstResponseMinutes: number | null;
}

/**
 * Aggregates for managers. `employee` says whether internal notes count: an aggregate computed for
 * someone who may not see them must not reveal them either. `spaceIds` null: every space.
 */
@Injectable()
export class InsightsRepository {
  constructor(private readonly db: Database) {}

  /** Posts per author (and in how many spaces) over the last ACTIVITY_DAYS. */
  async activity(
    spaceIds: string[] | null,
    employee: boolean,
  ): Promise<Array<{ userId: string; posts: number; spaces: number }>> {
    return this.db.query(
      `SELECT p.author_id AS "userId", count(*)::int AS posts, count(DISTINCT t.space_id)::int AS spaces
       FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id
       WHERE ($1::uuid[] IS NULL OR t.space_id = ANY($1::uuid[])) AND p.status = 'VISIBLE' AND (p.visibility = 'EVERYONE' OR $2::boolean)
         AND p.created_at > now() - make_interval(days => $3)
       GROUP BY p.author_id`,
      [spaceIds, employee, ACTIVITY_DAYS],
    );
  }

  /**
   * Questions asked in the last QUESTION_DAYS: how many, how many got an accepted answer or a reply
   * the asker can see from someone else, and the median time to that first reply.
   */
  async questions(spaceIds: string[] | null): Promise<QuestionStats> {
    const [row] = await this.db.query<[{ questions: number; answered: number; median: number | null }]>(
      `WITH q AS (
         SELECT t.id, t.author_id, t.created_at, t.accepted_post_id,
           (SELECT min(r.created_at) FROM threads.posts r
            WHERE r.thread_id = t.id AND NOT r.opening AND r.status = 'VISIBLE' AND r.visibility = 'EVERYONE' AND r.author_id <> t.author_id) AS first_reply
         FROM threads.threads t JOIN threads.posts o ON o.thread_id = t.id AND o.opening AND o.status = 'VISIBLE'
         WHERE t.kind = 'QUESTION' AND ($1::uuid[] IS NULL OR t.space_id = ANY($1::uuid[])) AND t.created_at > now() - make_interval(days => $2)
       )
       SELECT count(*)::int AS questions,
         count(*) FILTER (WHERE accepted_post_id IS NOT NULL OR first_reply IS NOT NULL)::int AS answered,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply - created_at) / 60) FILTER (WHERE first_reply IS NOT NULL) AS median
       FROM q`,
      [spaceIds, QUESTION_DAYS],
    );
    return {
      questions: row.questions,
      answered: row.answered,
      medianFirstResponseMinutes: row.median === null ? null : Number(row.median),
    };
  }

  /** Authors of the replies of the last QUESTION_DAYS, with how many each wrote. */
  async replyAuthors(
    spaceIds: string[] | null,
    employee: boolean,
  ): Promise<Array<{ userId: string; replies: number }>> {
    return this.db.query(
      `SELECT p.author_id AS "userId", count(*)::int AS replies FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id
       WHERE ($1::uuid[] IS NULL OR t.space_id = ANY($1::uuid[])) AND NOT p.opening AND p.status = 'VISIBLE' AND (p.visibility = 'EVERYONE' OR $2::boolean)
         AND p.created_at > now() - make_interval(days => $3)
       GROUP BY p.author_id`,
      [spaceIds, employee, QUESTION_DAYS],
    );
  }
}
