import { type PostReply, type Principal, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { ModerationRepository } from '../moderation/moderation.repository';
import { ThreadsRepository } from '../threads/threads.repository';
import { toPostReply } from './posts.mapper';
import { PostsRepository } from './posts.repository';

/**
 * Authors delete their own posts, softly: the post shows as deleted, its text is gone for readers
 * and kept 30 days for moderators. Its open flags are resolved: nothing is left to review.
 */
@Injectable()
export class DeletePostUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly moderation: ModerationRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(postId: string, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const { post, thread } = await this.finder.post(postId, principal);
    if (post.authorId !== principal.userId)
      throw forbidden('Only the author deletes a post; moderators hide it instead');
    await this.database.transaction(async () => {
      const now = await this.posts.lockForWrite(post.id);
      if (!now || now.status === 'DELETED') return;
      await this.posts.setStatus(post.id, 'DELETED');
      await this.moderation.resolveFlags(post.id);
      await this.threads.recount(post.threadId);
      await this.outbox.add(threadsEvents.postDeleted, {
        postId: post.id,
        threadId: post.threadId,
        spaceId: thread.spaceId,
        authorId: post.authorId,
      });
    });
    this.relay.kick();
    const after = await this.finder.post(postId, principal);
    return toPostReply(after.post, after.reader);
  }
}
