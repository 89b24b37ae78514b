import { expertise, type Principal, type TopicAffinity } from '@kern/contracts';
import { badInput, DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';

/** Topics belong to the expertise service; spaces keep their ids and ask for them by slug. */
@Injectable()
export class TopicDirectory {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  /** The ids of these slugs, in their order; an unknown slug is the caller's mistake (BAD_USER_INPUT). */
  async idsOf(slugs: string[], principal: Principal): Promise<string[]> {
    if (slugs.length === 0) return [];
    return (await this.client.call(expertise.resolveTopics, { slugs }, principal)).topicIds;
  }

  /** How strongly the principal's skills point at each topic. */
  async affinityOf(principal: Principal): Promise<TopicAffinity[]> {
    return (await this.client.call(expertise.topicAffinity, {}, principal)).topics;
  }

  /** The topic and its sub-topics, for filtering by a topic. */
  async subtreeIds(slug: string, principal: Principal): Promise<string[]> {
    try {
      const { topics } = await this.client.call(expertise.topicSubtree, { slug }, principal);
      return topics.map((topic) => topic.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND')
        throw badInput(`Unknown topic: ${slug}`, { field: 'topic' });
      throw error;
    }
  }
}
