import type { Principal, ThreadReply } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { OpenQuestionsRepository } from './open-questions.repository';
import { toThreadReply } from './threads.mapper';
import { ThreadsRepository } from './threads.repository';

/** A ranked list pages by position; deeper than this, nobody is looking for questions to answer. */
const MAX_DEPTH = 500;

/** Questions waiting for an answer in the spaces the principal may read, best match for their topics first. */
@Injectable()
export class ListOpenQuestionsUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly questions: OpenQuestionsRepository,
    private readonly threads: ThreadsRepository,
  ) {}

  async execute(
    query: { topics: Array<{ topicId: string; weight: number }>; first: number; after?: string },
    principal: Principal,
  ): Promise<{ threads: ThreadReply[]; hasNextPage: boolean }> {
    const offset = query.after === undefined ? 0 : Number(query.after);
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_DEPTH)
      throw badInput('Invalid cursor', { field: 'after' });
    const readable = await this.spaces.readableSpaceIds(principal);
    if (readable.length === 0 || query.topics.length === 0) return { threads: [], hasNextPage: false };
    const ranked = await this.questions.ranked({
      spaceIds: readable,
      topics: query.topics,
      exceptAuthorId: principal.kind === 'ANONYMOUS' ? null : principal.userId,
      limit: query.first + 1,
      offset,
    });
    const page = ranked.slice(0, query.first);
    return {
      threads: await this.asRead(page, principal),
      hasNextPage: ranked.length > query.first && offset + query.first < MAX_DEPTH,
    };
  }

  /** Each as its space's reader sees it; one the principal may no longer read, or see, is left out. */
  private async asRead(page: Array<{ id: string; spaceId: string }>, principal: Principal): Promise<ThreadReply[]> {
    const access = await this.spaces.forSpaces(
      page.map((question) => question.spaceId),
      principal,
    );
    const threads: ThreadReply[] = [];
    for (const question of page) {
      const entry = access.get(question.spaceId);
      if (!entry?.read) continue;
      const reader = readerOf(principal, entry);
      const [thread] = await this.threads.findVisible(reader, [question.id]);
      if (thread) threads.push(toThreadReply(thread, reader));
    }
    return threads;
  }
}
