import type { FollowLevel, Principal, SpaceFollowLevel, ThreadReply } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { toThreadReply } from '../threads/threads.mapper';
import { FollowsRepository } from './follows.repository';

/** How closely someone follows a thread or a space, and how far they have read. */
@Injectable()
export class FollowUseCase {
  constructor(
    private readonly finder: ThreadFinder,
    private readonly spaces: SpaceAccessClient,
    private readonly follows: FollowsRepository,
  ) {}

  async followThread(input: { threadId: string; level: FollowLevel }, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread } = await this.finder.thread(input.threadId, principal);
    await this.follows.setThreadLevel(principal.userId, thread.id, input.level);
    return this.reload(thread.id, principal);
  }

  /** Following a space needs only seeing it: an APPROVAL space's directory entry, say, before joining. */
  async followSpace(
    input: { spaceId: string; level: SpaceFollowLevel },
    principal: Principal,
  ): Promise<SpaceFollowLevel> {
    assertCanWrite(principal);
    await this.spaces.listable(input.spaceId, principal);
    await this.follows.setSpaceLevel(principal.userId, input.spaceId, input.level);
    return input.level;
  }

  async spaceLevels(
    spaceIds: string[],
    principal: Principal,
  ): Promise<Array<{ spaceId: string; level: SpaceFollowLevel }>> {
    if (principal.kind === 'ANONYMOUS' || spaceIds.length === 0)
      return spaceIds.map((spaceId) => ({ spaceId, level: 'NORMAL' }));
    const levels = await this.follows.spaceLevels(principal.userId, spaceIds);
    return spaceIds.map((spaceId) => ({ spaceId, level: levels.get(spaceId) ?? 'NORMAL' }));
  }

  async markRead(threadId: string, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread } = await this.finder.thread(threadId, principal);
    await this.follows.markRead(principal.userId, thread.id);
    return this.reload(thread.id, principal);
  }

  private async reload(threadId: string, principal: Principal): Promise<ThreadReply> {
    const { thread, reader } = await this.finder.thread(threadId, principal);
    return toThreadReply(thread, reader);
  }
}
