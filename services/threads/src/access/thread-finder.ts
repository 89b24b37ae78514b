import type { Principal, SpaceAccess } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PostRow } from '../posts/post-row';
import { PostsRepository } from '../posts/posts.repository';
import type { ThreadRow } from '../threads/thread-row';
import { ThreadsRepository } from '../threads/threads.repository';
import { readerOf, type Reader } from './reader';
import { SpaceAccessClient } from './space-access.client';

export interface FoundThread {
  thread: ThreadRow;
  reader: Reader;
  access: SpaceAccess;
}

/**
 * Finds a thread or post for a principal, or answers NOT_FOUND: for one that does not exist, one in a
 * space the principal may not read, and an internal note or held post they may not see alike.
 */
@Injectable()
export class ThreadFinder {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly spaces: SpaceAccessClient,
  ) {}

  async thread(threadId: string, principal: Principal, tx?: EntityManager): Promise<FoundThread> {
    const spaceId = (await this.threads.spacesOf([threadId])).get(threadId);
    if (!spaceId) throw notFound('Thread');
    return this.inSpace(threadId, spaceId, principal, tx, 'Thread');
  }

  async post(postId: string, principal: Principal, tx?: EntityManager): Promise<FoundThread & { post: PostRow }> {
    const [place] = await this.posts.placesOf([postId]);
    if (!place) throw notFound('Post');
    const found = await this.inSpace(place.threadId, place.spaceId, principal, tx, 'Post');
    const [post] = await (tx ? this.posts.in(tx) : this.posts).findVisible(found.reader, [postId], Boolean(tx));
    if (!post) throw notFound('Post');
    return { ...found, post };
  }

  /** `what` names the NOT_FOUND, so a post in an unreadable thread reads as a missing post. */
  private async inSpace(threadId: string, spaceId: string, principal: Principal, tx: EntityManager | undefined, what: string): Promise<FoundThread> {
    const access = (await this.spaces.forSpaces([spaceId], principal)).get(spaceId);
    if (!access?.read) throw notFound(what);
    const reader = readerOf(principal, access);
    const [thread] = await (tx ? this.threads.in(tx) : this.threads).findVisible(reader, [threadId], Boolean(tx));
    if (!thread) throw notFound(what);
    return { thread, reader, access };
  }
}
