import type { TopicReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { conflict } from '@kern/messaging';
import { Injectable } from '@nestjs/common';

const UNIQUE_VIOLATION = '23505';
const COLUMNS = `id, slug, name, parent_id AS "parentId"`;

/** The taxonomy is public (names of subjects, not content), so these queries take no viewer. */
@Injectable()
export class TopicsRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<TopicReply[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM expertise.topics ORDER BY slug`);
  }

  findByIds(ids: string[]): Promise<TopicReply[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM expertise.topics WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async findBySlug(slug: string): Promise<TopicReply | null> {
    const [topic]: TopicReply[] = await this.db.query(`SELECT ${COLUMNS} FROM expertise.topics WHERE slug = $1`, [
      slug,
    ]);
    return topic ?? null;
  }

  findBySlugs(slugs: string[]): Promise<TopicReply[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM expertise.topics WHERE slug = ANY($1::text[])`, [slugs]);
  }

  /** Each of these topics and every topic below it, at any depth. */
  async subtreeIds(topicIds: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM expertise.topics WHERE id = ANY($1::uuid[])
         UNION SELECT child.id FROM expertise.topics child JOIN tree ON child.parent_id = tree.id
       ) SELECT id FROM tree`,
      [topicIds],
    );
    return rows.map((row) => row.id);
  }

  /** The topic with this slug and every topic below it, at any depth. */
  subtree(slug: string): Promise<TopicReply[]> {
    return this.db.query(
      `WITH RECURSIVE tree AS (
         SELECT id, slug, name, parent_id FROM expertise.topics WHERE slug = $1
         UNION
         SELECT child.id, child.slug, child.name, child.parent_id FROM expertise.topics child JOIN tree ON child.parent_id = tree.id
       )
       SELECT id, slug, name, parent_id AS "parentId" FROM tree ORDER BY slug`,
      [slug],
    );
  }

  async insert(topic: Omit<TopicReply, 'id'>): Promise<TopicReply> {
    try {
      const [{ id }]: Array<{ id: string }> = await this.db.query(
        `INSERT INTO expertise.topics (slug, name, parent_id) VALUES ($1, $2, $3) RETURNING id`,
        [topic.slug, topic.name, topic.parentId],
      );
      return { id, ...topic };
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw conflict(`A topic with the slug "${topic.slug}" already exists`, { field: 'slug' });
      }
      throw error;
    }
  }

  /** Words that mean a topic, so free-text questions find it; adding one twice keeps one. */
  async addSynonym(topicId: string, synonym: string): Promise<void> {
    await this.db.query(
      `INSERT INTO expertise.topic_synonyms (topic_id, synonym) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [topicId, synonym],
    );
  }

  async synonymsOf(topicIds: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ topicId: string; synonym: string }> = await this.db.query(
      `SELECT topic_id AS "topicId", synonym FROM expertise.topic_synonyms WHERE topic_id = ANY($1::uuid[]) ORDER BY synonym`,
      [topicIds],
    );
    const found = new Map<string, string[]>();
    for (const row of rows) found.set(row.topicId, [...(found.get(row.topicId) ?? []), row.synonym]);
    return found;
  }
}
