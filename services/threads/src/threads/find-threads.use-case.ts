import { expertise, type Principal, type ThreadReply } from '@kern/contracts';
import { badInput, DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { NO_ACCESS, NOTHING } from '../access/nothing';
import { byReadableSpace, spacesToAsk } from '../access/readable-groups';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { parseTimeCursor } from '../common/time-cursor';
import { ThreadLinksRepository } from '../links/thread-links.repository';
import { ThreadsRepository } from './threads.repository';
import { toThreadReply } from './threads.mapper';

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

  /**
   * Threads the principal may read, asked space by space; the others are simply not there. An id
   * that matches nothing takes the steps a hidden one takes (one spaces call, one lookup), so
   * neither the answer nor its timing tells them apart (nor a linked internal thread from no link).
   */
  async getMany(ids: string[], principal: Principal): Promise<ThreadReply[]> {
    const spaceOf = await this.threads.spacesOf(ids);
    const where = (id: string) => spaceOf.get(id);
    const access = await this.spaces.forSpaces(spacesToAsk(ids, where), principal);
    const { groups, outside } = byReadableSpace(ids, where, access);
    const found: ThreadReply[] = [];
    for (const group of groups) {
      const reader = readerOf(principal, group.access);
      found.push(...(await this.threads.findVisible(reader, group.ids)).map((row) => toThreadReply(row, reader)));
    }
    if (outside) await this.threads.findVisible(readerOf(principal, NO_ACCESS), [NOTHING]);
    return found;
  }

  async list(
    query: { spaceId: string; topic?: string; first: number; after?: string },
    principal: Principal,
  ): Promise<{ threads: ThreadReply[]; hasNextPage: boolean }> {
    const reader = readerOf(principal, await this.spaces.listable(query.spaceId, principal));
    const topicIds = query.topic ? await this.subtree(query.topic, principal) : undefined;
    const rows = await this.threads.list(reader, {
      spaceId: query.spaceId,
      topicIds,
      first: query.first,
      after: query.after ? parseTimeCursor(query.after) : undefined,
    });
    return {
      threads: rows.slice(0, query.first).map((row) => toThreadReply(row, reader)),
      hasNextPage: rows.length > query.first,
    };
  }

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
