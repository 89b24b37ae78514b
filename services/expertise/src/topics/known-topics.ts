import type { TopicReply } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

/** A topic a client named by its slug: an unknown one is the client's mistake, in the field `topic`. */
@Injectable()
export class KnownTopics {
  constructor(private readonly topics: TopicsRepository) {}

  async bySlug(slug: string): Promise<TopicReply> {
    const topic = await this.topics.findBySlug(slug);
    if (!topic) throw badInput(`Unknown topic: ${slug}`, { field: 'topic' });
    return topic;
  }
}
