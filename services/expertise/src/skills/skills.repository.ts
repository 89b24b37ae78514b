import type { SkillLevel, TopicAffinity } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { DECLARED_LEVEL_WEIGHT } from './skill-level';

/** A skill in a topic says less about each of its sub-topics. */
const SUB_TOPIC_FACTOR = 0.5;

@Injectable()
export class SkillsRepository {
  constructor(private readonly db: Database) {}

  async declare(userId: string, topicId: string, level: SkillLevel): Promise<void> {
    await this.db.query(
      `INSERT INTO expertise.skills (user_id, topic_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, topic_id) DO UPDATE SET level = EXCLUDED.level, declared_at = now()`,
      [userId, topicId, level],
    );
  }

  async remove(userId: string, topicId: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `DELETE FROM expertise.skills WHERE user_id = $1 AND topic_id = $2`,
      [userId, topicId],
    );
    return count > 0;
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
      [
        userId,
        DECLARED_LEVEL_WEIGHT.EXPERT,
        DECLARED_LEVEL_WEIGHT.PRACTITIONER,
        DECLARED_LEVEL_WEIGHT.LEARNING,
        SUB_TOPIC_FACTOR,
      ],
    );
  }

  /** Declared levels, per user and topic. */
  async declaredOf(userIds: string[]): Promise<Array<{ userId: string; topicId: string; level: SkillLevel }>> {
    return this.db.query(
      `SELECT user_id AS "userId", topic_id AS "topicId", level FROM expertise.skills WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
  }

  /** Declared levels of anyone on any of these topics. */
  async declaredOn(topicIds: string[]): Promise<Array<{ userId: string; topicId: string; level: SkillLevel }>> {
    return this.db.query(
      `SELECT user_id AS "userId", topic_id AS "topicId", level FROM expertise.skills WHERE topic_id = ANY($1::uuid[])`,
      [topicIds],
    );
  }

  /** Endorsement counts per user and topic, for these users or these topics. */
  async endorsements(filter: {
    userIds?: string[];
    topicIds?: string[];
  }): Promise<Array<{ userId: string; topicId: string; count: number }>> {
    return this.db.query(
      `SELECT user_id AS "userId", topic_id AS "topicId", count(*)::int AS count FROM expertise.endorsements
       WHERE ($1::uuid[] IS NULL OR user_id = ANY($1::uuid[])) AND ($2::uuid[] IS NULL OR topic_id = ANY($2::uuid[]))
       GROUP BY user_id, topic_id`,
      [filter.userIds ?? null, filter.topicIds ?? null],
    );
  }

  /** Once per endorser and skill: endorsing again changes nothing. */
  async endorse(userId: string, topicId: string, endorserId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO expertise.endorsements (user_id, topic_id, endorser_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [userId, topicId, endorserId],
    );
  }

  async withdrawEndorsement(userId: string, topicId: string, endorserId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM expertise.endorsements WHERE user_id = $1 AND topic_id = $2 AND endorser_id = $3`,
      [userId, topicId, endorserId],
    );
  }

  /** Of these topics, those where nobody declared, earned or was endorsed for it or one of its sub-topics. */
  async withoutExperts(topicIds: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH RECURSIVE tree AS (
         SELECT id AS root, id FROM expertise.topics WHERE id = ANY($1::uuid[])
         UNION SELECT tree.root, child.id FROM expertise.topics child JOIN tree ON child.parent_id = tree.id
       )
       SELECT root AS id FROM tree GROUP BY root
       HAVING NOT bool_or(
         EXISTS (SELECT 1 FROM expertise.skills s WHERE s.topic_id = tree.id)
         OR EXISTS (SELECT 1 FROM expertise.endorsements e WHERE e.topic_id = tree.id)
         OR EXISTS (SELECT 1 FROM expertise.evidence v WHERE NOT v.removed AND v.topic_ids @> ARRAY[tree.id]))`,
      [topicIds],
    );
    return rows.map((row) => row.id);
  }
}
