import type { FollowLevel, Principal, ThreadReply } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toThreadReply } from '../threads/threads.mapper';
import { FollowsRepository } from './follows.repository';

/** How closely someone follows a thread they may read: what they hear of it, and its unread count. */
@Injectable()
export class FollowThreadUseCase {
  constructor(
    private readonly finder: ThreadFinder,
    private readonly follows: FollowsRepository,
  ) {}

  async execute(input: { threadId: string; level: FollowLevel }, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread } = await this.finder.thread(input.threadId, principal);
    await this.follows.setThreadLevel(principal.userId, thread.id, input.level);
    const after = await this.finder.thread(thread.id, principal);
    return toThreadReply(after.thread, after.reader);
  }
}
