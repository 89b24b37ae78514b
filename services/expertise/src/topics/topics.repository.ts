import type { TopicReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { conflict } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { TopicEntity } from './topic.entity';

const UNIQUE_VIOLATION = '23505';
const columns = { id: true, slug: true, name: true, parentId: true } as const;

/** The taxonomy is public (names of subjects, not content), so these queries take no viewer. */
@Injectable()
export class TopicsRepository {
  constructor(private readonly database: Database) {}

  private get topics() {
    return this.database.repository(TopicEntity);
  }

  list(): Promise<TopicReply[]> {
    return this.topics.find({ select: columns, order: { slug: 'ASC' } });
  }

  findByIds(ids: string[]): Promise<TopicReply[]> {
    return this.topics.find({ select: columns, where: { id: In(ids) } });
  }

  findBySlug(slug: string): Promise<TopicReply | null> {
    return this.topics.findOne({ select: columns, where: { slug } });
  }

  findBySlugs(slugs: string[]): Promise<TopicReply[]> {
    return this.topics.find({ select: columns, where: { slug: In(slugs) } });
  }

  /** Each of these topics and every topic below it, at any depth. */
  async subtreeIds(topicIds: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.topics.query(
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
    return this.topics.query(
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
    const id = randomUUID();
    try {
      await this.topics.insert({ ...topic, id });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw conflict(`A topic with the slug "${topic.slug}" already exists`, { field: 'slug' });
      }
      throw error;
    }
    return { id, ...topic };
  }
}
