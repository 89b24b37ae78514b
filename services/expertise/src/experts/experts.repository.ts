import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import type { EvidenceViewer } from '../evidence/evidence.repository';

/**
 * Any word of a question, stemmed in English and in Dutch, may match: a question is a sentence
 * ("who knows someone who migrated from X to Y?"), not a list of words that must all appear.
 */
const ANY_WORD = (config: string, parameter: string) =>
  `to_tsquery('${config}', coalesce(nullif(array_to_string(tsvector_to_array(to_tsvector('${config}', ${parameter})), ' | '), ''), 'nomatch000'))`;

/** How far back an expert's answers count for matching questions. */
const RECENT_DAYS = 365;

/** What free-text questions are matched against: topics with their synonyms, and what people answered. */
@Injectable()
export class ExpertsRepository {
  constructor(private readonly db: Database) {}

  /** Topics whose name, slug or synonyms share words with the question, best first. */
  async topicsMatching(question: string, limit = 5): Promise<Array<{ topicId: string; rank: number }>> {
    return this.db.query(
      `WITH docs AS (
         SELECT t.id, concat_ws(' ', t.name, replace(t.slug, '-', ' '), string_agg(s.synonym, ' ')) AS doc
         FROM expertise.topics t LEFT JOIN expertise.topic_synonyms s ON s.topic_id = t.id GROUP BY t.id
       ), scored AS (
         SELECT id, ts_rank(to_tsvector('english', doc), ${ANY_WORD('english', '$1')}) + ts_rank(to_tsvector('dutch', doc), ${ANY_WORD('dutch', '$1')}) AS rank,
           to_tsvector('english', doc) @@ ${ANY_WORD('english', '$1')} OR to_tsvector('dutch', doc) @@ ${ANY_WORD('dutch', '$1')} AS hit
         FROM docs
       )
       SELECT id AS "topicId", rank::float AS rank FROM scored WHERE hit ORDER BY rank DESC, id LIMIT $2`,
      [question, limit],
    );
  }

  /** People whose recent replies (that the viewer may see) share words with the question, with the topics of those replies. */
  async answerersMatching(
    question: string,
    viewer: EvidenceViewer,
    limit = 20,
  ): Promise<Array<{ userId: string; rank: number; topicIds: string[] }>> {
    return this.db.query(
      `SELECT e.user_id AS "userId", sum(ts_rank(e.excerpt_search, q.any))::float AS rank, array_agg(DISTINCT t) AS "topicIds"
       FROM expertise.evidence e, LATERAL (SELECT ${ANY_WORD('english', '$1')} || ${ANY_WORD('dutch', '$1')} AS any) q, unnest(e.topic_ids) AS t
       WHERE e.excerpt IS NOT NULL AND NOT e.removed AND e.excerpt_search @@ q.any
         AND e.occurred_at > now() - make_interval(days => $5)
         AND ($2::uuid[] IS NULL OR e.space_id = ANY($2::uuid[])) AND (e.visibility = 'EVERYONE' OR $3::boolean)
       GROUP BY e.user_id ORDER BY rank DESC LIMIT $4`,
      [question, viewer.readableSpaceIds, viewer.employee, limit, RECENT_DAYS],
    );
  }
}
