import type { Principal, ThreadReply } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toThreadReply } from '../threads/threads.mapper';
import { FollowsRepository } from './follows.repository';

/** Read up to the thread's last post: its unread count starts again from zero. */
@Injectable()
export class MarkThreadReadUseCase {
  constructor(
    private readonly finder: ThreadFinder,
    private readonly follows: FollowsRepository,
  ) {}

  async execute(threadId: string, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread } = await this.finder.thread(threadId, principal);
    await this.follows.markRead(principal.userId, thread.id);
    const after = await this.finder.thread(thread.id, principal);
    return toThreadReply(after.thread, after.reader);
  }
}
