import { hasRole, type Principal } from '@kern/contracts';
import { assertCanWrite, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { KnownTopics } from './known-topics';
import { TopicsRepository } from './topics.repository';

/** A word that means a topic, so questions asked in it find the topic; answers all the topic's synonyms. */
@Injectable()
export class AddTopicSynonymUseCase {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly known: KnownTopics,
  ) {}

  async execute(input: { topic: string; synonym: string }, principal: Principal): Promise<string[]> {
    this.assertMayChangeTaxonomy(principal);
    const topic = await this.known.bySlug(input.topic);
    await this.topics.addSynonym(topic.id, input.synonym);
    return (await this.topics.synonymsOf([topic.id])).get(topic.id) ?? [];
  }

  private assertMayChangeTaxonomy(principal: Principal) {
    assertCanWrite(principal);
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers change the taxonomy');
  }
}
