import { expertise, type Principal, type ThreadReply } from '@kern/contracts';
import { badInput, DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { parseTimeCursor } from '../common/time-cursor';
import { toThreadReply } from './threads.mapper';
import { ThreadsRepository } from './threads.repository';

/** A space's threads, newest first, optionally about a topic or any of its sub-topics. */
@Injectable()
export class ListThreadsUseCase {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly threads: ThreadsRepository,
  ) {}

  async execute(
    query: { spaceId: string; topic?: string; first: number; after?: string },
    principal: Principal,
  ): Promise<{ threads: ThreadReply[]; hasNextPage: boolean }> {
    const reader = readerOf(principal, await this.spaces.listable(query.spaceId, principal));
    const topicIds = query.topic ? await this.subtree(query.topic, principal) : undefined;
    const threads = await this.threads.list(reader, {
      spaceId: query.spaceId,
      topicIds,
      first: query.first,
      after: query.after ? parseTimeCursor(query.after) : undefined,
    });
    return {
      threads: threads.slice(0, query.first).map((thread) => toThreadReply(thread, reader)),
      hasNextPage: threads.length > query.first,
    };
  }

  /** Topics are the expertise service's: it knows a topic's sub-topics. */
  private async subtree(slug: string, principal: Principal): Promise<string[]> {
    try {
      return (await this.client.call(expertise.topicSubtree, { slug }, principal)).topics.map((topic) => topic.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND')
        throw badInput(`Unknown topic: ${slug}`, { field: 'topic' });
      throw error;
    }
  }
}
