import type { TopicReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

/** Topics by slug; unknown slugs are left out, and the caller decides whether that is an error. */
@Injectable()
export class FindTopicsBySlugUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  execute(slugs: string[]): Promise<TopicReply[]> {
    return this.topics.findBySlugs(slugs);
  }
}
