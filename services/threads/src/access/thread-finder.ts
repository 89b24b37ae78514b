import type { Principal, SpaceAccess } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import type { PostRecord } from '../posts/post.record';
import { PostsRepository } from '../posts/posts.repository';
import type { ThreadRecord } from '../threads/thread.record';
import { ThreadsRepository } from '../threads/threads.repository';
import { NO_ACCESS, NOTHING } from './nothing';
import { readerOf, type Reader } from './reader';
import { SpaceAccessClient } from './space-access.client';

export interface FoundThread {
  thread: ThreadRecord;
  reader: Reader;
  access: SpaceAccess;
}

/**
 * Finds a thread or post for a principal, or answers NOT_FOUND: for one that does not exist, one in a
 * space the principal may not read, and an internal note or held post they may not see alike. It
 * asks the spaces service, so it runs before a use case opens its transaction, never inside one.
 */
@Injectable()
export class ThreadFinder {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly spaces: SpaceAccessClient,
  ) {}

  async thread(threadId: string, principal: Principal): Promise<FoundThread> {
    const spaceId = (await this.threads.spacesOf([threadId])).get(threadId);
    const found = await this.inSpace(threadId, spaceId, principal);
    if (!found.thread) throw notFound('Thread');
    return { ...found, thread: found.thread };
  }

  async post(postId: string, principal: Principal): Promise<FoundThread & { post: PostRecord }> {
    const [place] = await this.posts.placesOf([postId]);
    const found = await this.inSpace(place?.threadId, place?.spaceId, principal);
    const [post] = await this.posts.findVisible(found.reader, [found.thread ? postId : NOTHING]);
    if (!found.thread || !post) throw notFound('Post');
    return { ...found, thread: found.thread, post };
  }

  /**
   * A missing thread and a hidden one take the same steps (the spaces service is asked, the thread
   * looked for), only with an id that matches nothing: the answer's timing must not tell them apart.
   */
  private async inSpace(
    threadId: string | undefined,
    spaceId: string | undefined,
    principal: Principal,
  ): Promise<Partial<FoundThread> & Omit<FoundThread, 'thread'>> {
    const access = (await this.spaces.forSpaces([spaceId ?? NOTHING], principal)).get(spaceId ?? NOTHING) ?? NO_ACCESS;
    const reader = readerOf(principal, access);
    const [thread] = await this.threads.findVisible(reader, [threadId && access.read ? threadId : NOTHING]);
    return { thread, reader, access };
  }
}
