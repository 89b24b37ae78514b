import { type PostReply, type Principal, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toPostReply } from './posts.mapper';
import { PostsRepository } from './posts.repository';

/** One helpful mark per reader and post, which they may take back; never on one's own post. */
@Injectable()
export class MarkHelpfulUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly posts: PostsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(input: { postId: string; helpful: boolean }, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const { post, thread } = await this.finder.post(input.postId, principal);
    if (post.authorId === principal.userId)
      throw badInput('You cannot mark your own post as helpful', { field: 'postId' });
    if (post.status !== 'VISIBLE') throw badInput('Only visible posts can be marked helpful', { field: 'postId' });
    await this.database.transaction(async () => {
      // Only a real change is news: marking twice earns its author nothing more.
      if (!(await this.posts.setHelpful(post.id, principal.userId, input.helpful))) return;
      await this.outbox.add(threadsEvents.postMarkedHelpful, {
        postId: post.id,
        threadId: post.threadId,
        spaceId: thread.spaceId,
        authorId: post.authorId,
        topicIds: thread.topicIds,
        visibility: post.visibility,
        markedBy: principal.userId,
        helpful: input.helpful,
      });
    });
    this.relay.kick();
    const { post: updated, reader } = await this.finder.post(input.postId, principal);
    return toPostReply(updated, reader);
  }
}
