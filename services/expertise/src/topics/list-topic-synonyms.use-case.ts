import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

/** The synonyms of each of these topics, in the order asked; a topic without any has an empty list. */
@Injectable()
export class ListTopicSynonymsUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  async execute(ids: string[]): Promise<Array<{ topicId: string; synonyms: string[] }>> {
    const found = await this.topics.synonymsOf(ids);
    return ids.map((topicId) => ({ topicId, synonyms: found.get(topicId) ?? [] }));
  }
}
