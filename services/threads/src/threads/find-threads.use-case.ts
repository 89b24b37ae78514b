import { expertise, type Principal, type ThreadReply } from '@kern/contracts';
import { badInput, DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { parseTimeCursor } from '../common/time-cursor';
import { ThreadLinksRepository } from '../links/thread-links.repository';
import { ThreadsRepository } from './threads.repository';
import { toThreadReply } from './thread-row';

@Injectable()
export class FindThreadsUseCase {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly threads: ThreadsRepository,
    private readonly finder: ThreadFinder,
    private readonly links: ThreadLinksRepository,
  ) {}

  async get(id: string, principal: Principal): Promise<ThreadReply> {
    const { thread, reader } = await this.finder.thread(id, principal);
    return toThreadReply(thread, reader);
  }

  /** Linked threads (escalations) that the principal may read: a customer never learns of the internal side. */
  async linked(threadId: string, principal: Principal): Promise<ThreadReply[]> {
    await this.finder.thread(threadId, principal);
    return this.getMany(await this.links.linkedTo(threadId), principal);
  }

  /** Threads the principal may read, asked space by space; the others are simply not there. */
  async getMany(ids: string[], principal: Principal): Promise<ThreadReply[]> {
    if (ids.length === 0) return [];
    const spaceOf = await this.threads.spacesOf(ids);
    const access = await this.spaces.forSpaces([...spaceOf.values()], principal);
    const found: ThreadReply[] = [];
    for (const [spaceId, entry] of access) {
      if (!entry.read) continue;
      const reader = readerOf(principal, entry);
      const inSpace = ids.filter((id) => spaceOf.get(id) === spaceId);
      found.push(...(await this.threads.findVisible(reader, inSpace)).map((row) => toThreadReply(row, reader)));
    }
    return found;
  }

  async list(
    query: { spaceId: string; topic?: string; first: number; after?: string },
    principal: Principal,
  ): Promise<{ threads: ThreadReply[]; hasNextPage: boolean }> {
    const reader = readerOf(principal, await this.spaces.listable(query.spaceId, principal));
    const topicIds = query.topic ? await this.subtree(query.topic, principal) : undefined;
    const rows = await this.threads.list(reader, { spaceId: query.spaceId, topicIds, first: query.first, after: query.after ? parseTimeCursor(query.after) : undefined });
    return { threads: rows.slice(0, query.first).map((row) => toThreadReply(row, reader)), hasNextPage: rows.length > query.first };
  }

  private async subtree(slug: string, principal: Principal): Promise<string[]> {
    try {
      return (await this.client.call(expertise.topicSubtree, { slug }, principal)).topics.map((topic) => topic.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') throw badInput(`Unknown topic: ${slug}`, { field: 'topic' });
      throw error;
    }
  }
}
