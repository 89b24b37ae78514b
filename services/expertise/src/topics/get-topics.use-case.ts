import type { TopicReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

/** Topics by id; unknown ids are left out. */
@Injectable()
export class GetTopicsUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  execute(ids: string[]): Promise<TopicReply[]> {
    return this.topics.findByIds(ids);
  }
}
