import type { TopicReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

/** The whole taxonomy, by slug: it is public, so anyone may read it. */
@Injectable()
export class ListTopicsUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  execute(): Promise<TopicReply[]> {
    return this.topics.list();
  }
}
