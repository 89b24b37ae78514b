import type { Principal, ThreadReply } from '@kern/contracts';
import { assertCanWrite, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toThreadReply } from './threads.mapper';
import { ThreadsRepository } from './threads.repository';

/** A space's moderators close a thread to replies (their own still go in) or open it again. */
@Injectable()
export class LockThreadUseCase {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly finder: ThreadFinder,
  ) {}

  async execute(input: { threadId: string; locked: boolean }, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread, reader } = await this.finder.thread(input.threadId, principal);
    if (!reader.moderator) throw forbidden("Only the space's moderators lock threads");
    await this.threads.setLocked(thread.id, input.locked);
    const after = await this.finder.thread(thread.id, principal);
    return toThreadReply(after.thread, after.reader);
  }
}
