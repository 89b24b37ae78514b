import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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
}

/** Whose activity counts for a viewer: only spaces they may read, internal notes only for employees. */
export interface EvidenceViewer {
  readableSpaceIds: string[];
  employee: boolean;
}

@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Each piece of evidence once, however often its event arrives. */
  async record(tx: EntityManager, evidence: EvidenceRecord): Promise<void> {
    await tx.query(
      `INSERT INTO expertise.evidence (user_id, kind, post_id, thread_id, space_id, visibility, topic_ids, given_by, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::uuid, '00000000-0000-0000-0000-000000000000'), $9)
       ON CONFLICT (kind, post_id, given_by) DO NOTHING`,
      [evidence.userId, evidence.kind, evidence.postId, evidence.threadId, evidence.spaceId, evidence.visibility, evidence.topicIds, evidence.givenBy ?? null, evidence.occurredAt],
    );
  }

  /** A question has one accepted answer: accepting another takes the first one's evidence away. */
  async replaceAcceptedAnswer(tx: EntityManager, evidence: EvidenceRecord): Promise<void> {
    await tx.query(`DELETE FROM expertise.evidence WHERE kind = 'ACCEPTED_ANSWER' AND thread_id = $1`, [evidence.threadId]);
    await this.record(tx, evidence);
  }

  async withdrawHelpful(tx: EntityManager, postId: string, givenBy: string): Promise<void> {
    await tx.query(`DELETE FROM expertise.evidence WHERE kind = 'HELPFUL' AND post_id = $1 AND given_by = $2`, [postId, givenBy]);
  }

  /** A hidden or deleted post stops counting (all its evidence); a restored one counts again. */
  async setRemoved(tx: EntityManager, postId: string, removed: boolean): Promise<void> {
    await tx.query(`UPDATE expertise.evidence SET removed = $2 WHERE post_id = $1`, [postId, removed]);
  }

  async moveThread(tx: EntityManager, threadId: string, spaceId: string): Promise<void> {
    await tx.query(`UPDATE expertise.evidence SET space_id = $2 WHERE thread_id = $1`, [threadId, spaceId]);
  }

  /**
   * A user's evidence for a topic as `viewer` may see it, decayed by age; activity on a sub-topic
   * counts for its parents too.
   */
  async score(userId: string, topicId: string, viewer: EvidenceViewer): Promise<number> {
    const [row] = await this.db.query(
      `WITH RECURSIVE reach AS (
         SELECT e.id, unnest(e.topic_ids) AS topic_id FROM expertise.evidence e
         WHERE e.user_id = $1 AND NOT e.removed AND e.space_id = ANY($3::uuid[]) AND (e.visibility = 'EVERYONE' OR $4::boolean)
         UNION
         SELECT reach.id, t.parent_id FROM reach JOIN expertise.topics t ON t.id = reach.topic_id WHERE t.parent_id IS NOT NULL
       )
       SELECT coalesce(sum(
         CASE e.kind WHEN 'ACCEPTED_ANSWER' THEN $5::float WHEN 'HELPFUL' THEN $6::float ELSE $7::float END
         * power(0.5, extract(epoch FROM now() - e.occurred_at) / 86400 / $8::float)), 0) AS score
       FROM expertise.evidence e WHERE e.id IN (SELECT id FROM reach WHERE topic_id = $2)`,
      [userId, topicId, viewer.readableSpaceIds, viewer.employee, EVIDENCE_WEIGHT.ACCEPTED_ANSWER, EVIDENCE_WEIGHT.HELPFUL, EVIDENCE_WEIGHT.REPLY, HALF_LIFE_DAYS],
    );
    return Number(row.score);
  }
}
