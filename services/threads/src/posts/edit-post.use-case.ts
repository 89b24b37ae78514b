import { type PostReply, type Principal, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, badInput, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { ThreadsRepository } from '../threads/threads.repository';
import { renderMarkdown } from './markdown';
import { PostEvents } from './post-events';
import { toPostReply } from './post-row';
import { PostsRepository } from './posts.repository';

/** Authors (and moderators) correct a post, keeping every earlier version; authors delete their own. */
@Injectable()
export class EditPostUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly events: PostEvents,
  ) {}

  async edit(input: { postId: string; body: string }, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const { post, reader } = await this.finder.post(input.postId, principal);
    if (post.author_id !== principal.userId && !reader.moderator) throw forbidden('Only the author and moderators edit a post');
    await this.database.transaction(async () => {
      const now = await this.posts.lockForWrite(post.id);
      if (!now || now.status === 'DELETED') throw badInput('A deleted post cannot be edited', { field: 'postId' });
      if (now.body !== input.body) await this.posts.edit(post.id, input.body, renderMarkdown(input.body), principal.userId);
    });
    return this.reload(input.postId, principal);
  }

  /** A soft delete: the post shows as deleted, its text is gone for readers and kept 30 days for moderators. */
  async delete(postId: string, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const { post, thread } = await this.finder.post(postId, principal);
    if (post.author_id !== principal.userId) throw forbidden('Only the author deletes a post; moderators hide it instead');
    await this.database.transaction(async () => {
      const now = await this.posts.lockForWrite(post.id);
      if (!now || now.status === 'DELETED') return;
      await this.posts.setStatus(post.id, 'DELETED');
      await this.threads.recount(post.thread_id);
      await this.events.record(threadsEvents.postDeleted, { postId: post.id, threadId: post.thread_id, spaceId: thread.t_space_id, authorId: post.author_id });
    });
    this.events.kick();
    return this.reload(postId, principal);
  }

  private async reload(postId: string, principal: Principal): Promise<PostReply> {
    const { post, reader } = await this.finder.post(postId, principal);
    return toPostReply(post, reader);
  }
}
