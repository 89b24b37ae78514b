import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { TopicsRepository } from './topics.repository';

/** Slugs a client named (a space's or a thread's topics) as the ids other services store. */
@Injectable()
export class ResolveTopicsUseCase {
  constructor(private readonly topics: TopicsRepository) {}

  async execute(slugs: string[]): Promise<string[]> {
    const unique = [...new Set(slugs)];
    const bySlug = new Map((await this.topics.findBySlugs(unique)).map((topic) => [topic.slug, topic.id]));
    const unknown = unique.filter((slug) => !bySlug.has(slug));
    if (unknown.length > 0) {
      throw badInput(`Unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
        field: 'topics',
        unknown,
      });
    }
    return unique.map((slug) => bySlug.get(slug)!);
  }
}
