import type { SkillLevel, SkillReply, TopicAffinity } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What a declared level says about someone's expertise, before any evidence. */
const LEVEL_WEIGHT: Record<SkillLevel, number> = { LEARNING: 1, PRACTITIONER: 2, EXPERT: 3 };
/** A skill in a topic says less about each of its sub-topics. */
const SUB_TOPIC_FACTOR = 0.5;

@Injectable()
export class SkillsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async declare(userId: string, topicId: string, level: SkillLevel): Promise<void> {
    await this.db.query(
      `INSERT INTO expertise.skills (user_id, topic_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, topic_id) DO UPDATE SET level = EXCLUDED.level, declared_at = now()`,
      [userId, topicId, level],
    );
  }

  async remove(userId: string, topicId: string): Promise<boolean> {
    const [, count] = await this.db.query(`DELETE FROM expertise.skills WHERE user_id = $1 AND topic_id = $2`, [userId, topicId]);
    return count > 0;
  }

  /** A declared skill with its endorsements; the caller adds the evidence the viewer may see. */
  async findDeclared(userId: string, topicId: string): Promise<Omit<SkillReply, 'evidenceScore'> | null> {
    const rows: Array<{ level: SkillLevel; endorsements: number }> = await this.db.query(
      `SELECT s.level, (SELECT count(*)::int FROM expertise.endorsements e WHERE e.user_id = s.user_id AND e.topic_id = s.topic_id) AS endorsements
       FROM expertise.skills s WHERE s.user_id = $1 AND s.topic_id = $2`,
      [userId, topicId],
    );
    return rows[0] ? { userId, topicId, level: rows[0].level, endorsementCount: rows[0].endorsements } : null;
  }

  /** Declared skills, each spread over its sub-topics at a lower weight; the strongest reason wins per topic. */
  affinity(userId: string): Promise<TopicAffinity[]> {
    return this.db.query(
      `WITH RECURSIVE reach AS (
         SELECT s.topic_id, CASE s.level WHEN 'EXPERT' THEN $2::float WHEN 'PRACTITIONER' THEN $3::float ELSE $4::float END AS weight
         FROM expertise.skills s WHERE s.user_id = $1
         UNION ALL
         SELECT child.id, reach.weight * $5::float FROM expertise.topics child JOIN reach ON child.parent_id = reach.topic_id
       )
       SELECT topic_id AS "topicId", max(weight) AS weight FROM reach GROUP BY topic_id ORDER BY weight DESC`,
      [userId, LEVEL_WEIGHT.EXPERT, LEVEL_WEIGHT.PRACTITIONER, LEVEL_WEIGHT.LEARNING, SUB_TOPIC_FACTOR],
    );
  }
}
