import type { Principal, ThreadReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { GetThreadsUseCase } from '../threads/get-threads.use-case';
import { ThreadLinksRepository } from './thread-links.repository';

/** Linked threads (escalations) that the principal may read: a customer never learns of the internal side. */
@Injectable()
export class ListLinkedThreadsUseCase {
  constructor(
    private readonly finder: ThreadFinder,
    private readonly links: ThreadLinksRepository,
    private readonly threads: GetThreadsUseCase,
  ) {}

  async execute(threadId: string, principal: Principal): Promise<ThreadReply[]> {
    await this.finder.thread(threadId, principal);
    return this.threads.execute(await this.links.linkedTo(threadId), principal);
  }
}
