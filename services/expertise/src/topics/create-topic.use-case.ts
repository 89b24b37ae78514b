import { hasRole, isAuthenticated, type Principal, type TopicReply } from '@kern/contracts';
import { badInput, forbidden, unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

@Injectable()
export class CreateTopicUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  async execute(input: { slug: string; name: string; parentSlug?: string | null }, principal: Principal): Promise<TopicReply> {
    this.assertMayCreate(principal);
    const parentId = input.parentSlug ? await this.resolveParent(input.parentSlug) : null;
    return this.topics.insert({ slug: input.slug, name: input.name, parentId });
  }

  /** The taxonomy shapes every space and profile, so only platform admins change it. */
  private assertMayCreate(principal: Principal) {
    if (!isAuthenticated(principal)) throw unauthenticated('Sign in to create topics');
    if (!hasRole(principal, 'ADMIN')) throw forbidden('Only platform admins create topics');
  }

  private async resolveParent(slug: string): Promise<string> {
    const parent = await this.topics.findBySlug(slug);
    if (!parent) throw badInput(`Unknown parent topic "${slug}"`, { field: 'parentSlug' });
    return parent.id;
  }
}
