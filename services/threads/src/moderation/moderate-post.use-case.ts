import { type ModerationAction, type PostReply, type PostStatus, type Principal, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { postPublished } from '../posts/post-events';
import { toPostReply } from '../posts/posts.mapper';
import { PostsRepository } from '../posts/posts.repository';
import { ThreadsRepository } from '../threads/threads.repository';
import { ModerationRepository } from './moderation.repository';

/** The post's status after the action. "No problem" shows a post that flags hid, and leaves a held one held. */
function outcome(action: ModerationAction, now: PostStatus): PostStatus {
  if (action === 'DISMISS_FLAGS') return now === 'HIDDEN' ? 'VISIBLE' : now;
  return ({ APPROVE: 'VISIBLE', HIDE: 'HIDDEN', RESTORE: 'VISIBLE', DELETE: 'DELETED' } as const)[action];
}

/**
 * A moderator's decision on a post, logged with who, when and why; the author is told through an
 * event. Every decision resolves the post's open flags, so it leaves the review queue.
 */
@Injectable()
export class ModeratePostUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly moderation: ModerationRepository,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(
    input: { postId: string; action: ModerationAction; reason?: string },
    principal: Principal,
  ): Promise<PostReply> {
    assertCanWrite(principal);
    const { post, reader, thread } = await this.finder.post(input.postId, principal);
    if (!reader.moderator) throw forbidden("Only the space's moderators moderate posts");
    await this.database.transaction(async () => {
      // The status the decision applies to, as it is now: two moderators may decide at once.
      const now = await this.posts.lockForWrite(post.id);
      if (!now) return;
      const status = outcome(input.action, now.status);
      if (status !== now.status) await this.posts.setStatus(post.id, status);
      await this.moderation.resolveFlags(post.id);
      await this.moderation.log(post.id, principal.userId, input.action, input.reason ?? null);
      await this.threads.recount(post.threadId);
      // A post held when it was written reaches its readers only now (one held after an edit had already).
      if (status === 'VISIBLE' && !now.published) {
        const place = {
          postId: post.id,
          threadId: post.threadId,
          spaceId: thread.spaceId,
          authorId: post.authorId,
          topicIds: thread.topicIds,
        };
        await this.outbox.add(
          threadsEvents.postPublished,
          postPublished({
            ...place,
            threadKind: thread.kind,
            opening: post.opening,
            visibility: post.visibility,
            replyToPostId: post.replyToPostId,
            body: post.body,
          }),
        );
      }
      await this.outbox.add(threadsEvents.postModerated, {
        postId: post.id,
        threadId: post.threadId,
        spaceId: thread.spaceId,
        authorId: post.authorId,
        action: input.action,
        reason: input.reason ?? null,
        moderatorId: principal.userId,
      });
    });
    this.relay.kick();
    const after = await this.finder.post(input.postId, principal);
    return toPostReply(after.post, after.reader);
  }
}
