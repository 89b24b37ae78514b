import type { TopicReply } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

/** A topic and every topic below it, at any depth. */
@Injectable()
export class GetTopicSubtreeUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  async execute(slug: string): Promise<TopicReply[]> {
    const topics = await this.topics.subtree(slug);
    if (topics.length === 0) throw notFound(`Topic "${slug}"`);
    return topics;
  }
}
