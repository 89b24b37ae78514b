import { hasRole, type Principal, type TopicReply } from '@kern/contracts';
import { assertCanWrite, badInput, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

@Injectable()
export class CreateTopicUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  async execute(
    input: { slug: string; name: string; parentSlug?: string | null },
    principal: Principal,
  ): Promise<TopicReply> {
    this.assertMayCreate(principal);
    const parentId = input.parentSlug ? await this.resolveParent(input.parentSlug) : null;
    return this.topics.insert({ slug: input.slug, name: input.name, parentId });
  }

  /** The taxonomy shapes every space and profile, so only platform admins and community managers change it. */
  private assertMayCreate(principal: Principal) {
    assertCanWrite(principal);
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers create topics');
  }

  private async resolveParent(slug: string): Promise<string> {
    const parent = await this.topics.findBySlug(slug);
    if (!parent) throw badInput(`Unknown parent topic "${slug}"`, { field: 'parentSlug' });
    return parent.id;
  }
}
