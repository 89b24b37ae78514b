import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

/**
 * Questions still waiting for an answer: no reply the asker can see, no accepted answer, not locked,
 * and an opening post that is visible.
 */
const OPEN_QUESTION = `t.kind = 'QUESTION' AND t.accepted_post_id IS NULL AND t.locked_at IS NULL AND t.reply_count_everyone = 0
  AND EXISTS (SELECT 1 FROM threads.posts o WHERE o.thread_id = t.id AND o.opening AND o.status = 'VISIBLE')`;

/** Open questions in the spaces a reader may read (the spaces are the caller's to ask the spaces service for). */
@Injectable()
export class OpenQuestionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Best match with the topic weights first (the sum over shared topics), then newest; never the
   * asker's own questions (`exceptAuthorId`, null for anonymous readers).
   */
  ranked(query: {
    spaceIds: string[];
    topics: Array<{ topicId: string; weight: number }>;
    exceptAuthorId: string | null;
    limit: number;
    offset: number;
  }): Promise<Array<{ id: string; spaceId: string }>> {
    return this.db.query(
      `SELECT t.id, t.space_id AS "spaceId" FROM threads.threads t
       JOIN LATERAL (SELECT coalesce(sum(w.weight), 0) AS score FROM unnest($2::uuid[], $3::float8[]) AS w(topic_id, weight) WHERE w.topic_id = ANY(t.topic_ids)) m ON true
       WHERE t.space_id = ANY($1::uuid[]) AND ${OPEN_QUESTION} AND m.score > 0 AND t.author_id <> coalesce($6::uuid, '00000000-0000-0000-0000-000000000000')
       ORDER BY m.score DESC, t.created_at DESC, t.id LIMIT $4 OFFSET $5`,
      [
        query.spaceIds,
        query.topics.map((topic) => topic.topicId),
        query.topics.map((topic) => topic.weight),
        query.limit,
        query.offset,
        query.exceptAuthorId,
      ],
    );
  }

  /** How many open questions each topic has, most first. */
  countByTopic(spaceIds: string[]): Promise<Array<{ topicId: string; openQuestions: number }>> {
    return this.db.query(
      `SELECT topic_id AS "topicId", count(*)::int AS "openQuestions" FROM threads.threads t, unnest(t.topic_ids) AS topic_id
       WHERE t.space_id = ANY($1::uuid[]) AND ${OPEN_QUESTION} GROUP BY topic_id ORDER BY count(*) DESC`,
      [spaceIds],
    );
  }
}
