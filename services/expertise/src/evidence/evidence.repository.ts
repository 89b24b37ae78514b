import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { EVIDENCE_WEIGHT, HALF_LIFE_DAYS, type EvidenceKind } from './evidence-weights';

export interface EvidenceRecord {
  userId: string;
  kind: EvidenceKind;
  postId: string;
  threadId: string;
  spaceId: string;
  visibility: 'EVERYONE' | 'INTERNAL';
  topicIds: string[];
  givenBy?: string;
  occurredAt: string;
  /** The start of a reply's text, for matching questions to the people who answered similar ones. */
  excerpt?: string;
}

export interface EvidenceScore {
  userId: string;
  topicId: string;
  score: number;
  acceptedAnswers: number;
}

/** Whose activity counts for a viewer: only spaces they may read, internal notes only for employees. */
export interface EvidenceViewer {
  /** Null: every space (Kern itself deciding whom to ask, never shown to anyone). */
  readableSpaceIds: string[] | null;
  employee: boolean;
}

@Injectable()
export class EvidenceRepository {
  constructor(private readonly db: Database) {}

  /** Each piece of evidence once, however often its event arrives. */
  async record(evidence: EvidenceRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO expertise.evidence (user_id, kind, post_id, thread_id, space_id, visibility, topic_ids, given_by, occurred_at, excerpt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::uuid, '00000000-0000-0000-0000-000000000000'), $9, $10)
       ON CONFLICT (kind, post_id, given_by) DO NOTHING`,
      [
        evidence.userId,
        evidence.kind,
        evidence.postId,
        evidence.threadId,
        evidence.spaceId,
        evidence.visibility,
        evidence.topicIds,
        evidence.givenBy ?? null,
        evidence.occurredAt,
        evidence.excerpt ?? null,
      ],
    );
  }

  /** A question has one accepted answer: accepting another takes the first one's evidence away. */
  async replaceAcceptedAnswer(evidence: EvidenceRecord): Promise<void> {
    await this.db.query(`DELETE FROM expertise.evidence WHERE kind = 'ACCEPTED_ANSWER' AND thread_id = $1`, [
      evidence.threadId,
    ]);
    await this.record(evidence);
  }

  async withdrawHelpful(postId: string, givenBy: string): Promise<void> {
    await this.db.query(`DELETE FROM expertise.evidence WHERE kind = 'HELPFUL' AND post_id = $1 AND given_by = $2`, [
      postId,
      givenBy,
    ]);
  }

  /** A hidden or deleted post stops counting (all its evidence); a restored one counts again. */
  async setRemoved(postId: string, removed: boolean): Promise<void> {
    await this.db.query(`UPDATE expertise.evidence SET removed = $2 WHERE post_id = $1`, [postId, removed]);
  }

  async moveThread(threadId: string, spaceId: string): Promise<void> {
    await this.db.query(`UPDATE expertise.evidence SET space_id = $2 WHERE thread_id = $1`, [threadId, spaceId]);
  }

  /**
   * Evidence per user and topic as `viewer` may see it (only spaces they may read, internal notes
   * only for employees), decayed by age; activity on a sub-topic counts for its parents too.
   * `touching` narrows the evidence read to that on any of these topics (a topic's subtree), through
   * the GIN index.
   */
  async scores(
    viewer: EvidenceViewer,
    filter: { userIds?: string[]; topicId?: string; touching?: string[] },
  ): Promise<EvidenceScore[]> {
    const rows: Array<{ user_id: string; topic_id: string; score: number; accepted: number }> = await this.db.query(
      `WITH RECURSIVE reach AS (
         SELECT e.id, unnest(e.topic_ids) AS topic_id FROM expertise.evidence e
         WHERE NOT e.removed AND ($1::uuid[] IS NULL OR e.space_id = ANY($1::uuid[])) AND (e.visibility = 'EVERYONE' OR $2::boolean)
           AND ($3::uuid[] IS NULL OR e.user_id = ANY($3::uuid[]))
           AND ($5::uuid[] IS NULL OR e.topic_ids && $5::uuid[])
         UNION
         SELECT reach.id, t.parent_id FROM reach JOIN expertise.topics t ON t.id = reach.topic_id WHERE t.parent_id IS NOT NULL
       )
       SELECT e.user_id, r.topic_id,
         sum(CASE e.kind WHEN 'ACCEPTED_ANSWER' THEN $6::float WHEN 'HELPFUL' THEN $7::float ELSE $8::float END
             * power(0.5, extract(epoch FROM now() - e.occurred_at) / 86400 / $9::float))::float AS score,
         (count(*) FILTER (WHERE e.kind = 'ACCEPTED_ANSWER'))::int AS accepted
       FROM reach r JOIN expertise.evidence e ON e.id = r.id
       WHERE $4::uuid IS NULL OR r.topic_id = $4::uuid
       GROUP BY e.user_id, r.topic_id`,
      [
        viewer.readableSpaceIds,
        viewer.employee,
        filter.userIds ?? null,
        filter.topicId ?? null,
        filter.touching ?? null,
        EVIDENCE_WEIGHT.ACCEPTED_ANSWER,
        EVIDENCE_WEIGHT.HELPFUL,
        EVIDENCE_WEIGHT.REPLY,
        HALF_LIFE_DAYS,
      ],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      topicId: row.topic_id,
      score: Number(row.score),
      acceptedAnswers: row.accepted,
    }));
  }
}
