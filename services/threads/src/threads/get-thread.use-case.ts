import type { Principal, ThreadReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toThreadReply } from './threads.mapper';

/** One thread as the principal sees it, or NOT_FOUND (see `ThreadFinder`). */
@Injectable()
export class GetThreadUseCase {
  constructor(private readonly finder: ThreadFinder) {}

  async execute(id: string, principal: Principal): Promise<ThreadReply> {
    const { thread, reader } = await this.finder.thread(id, principal);
    return toThreadReply(thread, reader);
  }
}
