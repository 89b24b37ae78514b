import type { PostReply, Principal } from '@kern/contracts';
import { parseSequenceCursor } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toPostReply } from './posts.mapper';
import { PostsRepository } from './posts.repository';

/** A thread's replies in writing order, as the principal may see them. */
@Injectable()
export class ListPostsUseCase {
  constructor(
    private readonly finder: ThreadFinder,
    private readonly posts: PostsRepository,
  ) {}

  async execute(
    query: { threadId: string; first: number; after?: string },
    principal: Principal,
  ): Promise<{ posts: PostReply[]; hasNextPage: boolean }> {
    const { thread, reader } = await this.finder.thread(query.threadId, principal);
    const after = query.after === undefined ? undefined : parseSequenceCursor(query.after);
    const posts = await this.posts.listReplies(reader, thread.id, query.first, after);
    return {
      posts: posts.slice(0, query.first).map((post) => toPostReply(post, reader)),
      hasNextPage: posts.length > query.first,
    };
  }
}
