import { type ModerationAction, type ModerationEntryReply, type PostReply, type PostStatus, type Principal, threadsEvents } from '@kern/contracts';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThreadFinder } from '../access/thread-finder';
import { PostEvents } from '../posts/post-events';
import { toPostReply } from '../posts/post-row';
import { PostsRepository } from '../posts/posts.repository';
import { ThreadsRepository } from '../threads/threads.repository';
import { ModerationRepository } from './moderation.repository';

const OUTCOME: Record<ModerationAction, PostStatus> = { APPROVE: 'VISIBLE', HIDE: 'HIDDEN', RESTORE: 'VISIBLE', DELETE: 'DELETED' };

/** A moderator's decision on a post, logged with who, when and why; the author is told through an event. */
@Injectable()
export class ModeratePostUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly finder: ThreadFinder,
    private readonly moderation: ModerationRepository,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly events: PostEvents,
  ) {}

  async execute(input: { postId: string; action: ModerationAction; reason?: string }, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    await this.dataSource.transaction(async (tx) => {
      const { post, reader, thread } = await this.finder.post(input.postId, principal, tx);
      if (!reader.moderator) throw forbidden("Only the space's moderators moderate posts");
      const moderation = this.moderation.in(tx);
      await this.posts.in(tx).setStatus(post.id, OUTCOME[input.action]);
      if (input.action === 'APPROVE' || input.action === 'RESTORE') await moderation.resolveFlags(post.id);
      await moderation.log(post.id, principal.userId, input.action, input.reason ?? null);
      await this.threads.in(tx).recount(post.thread_id);
      // A held post reaches its readers only now.
      if (post.status === 'PENDING_REVIEW' && OUTCOME[input.action] === 'VISIBLE') {
        const place = { postId: post.id, threadId: post.thread_id, spaceId: thread.t_space_id, authorId: post.author_id, topicIds: thread.t_topic_ids };
        await this.events.published(tx, { ...place, threadKind: thread.t_kind, opening: post.opening, visibility: post.visibility, replyToPostId: post.reply_to_post_id, body: post.body });
      }
      await this.outbox.add(tx, threadsEvents.postModerated, {
        postId: post.id,
        threadId: post.thread_id,
        spaceId: thread.t_space_id,
        authorId: post.author_id,
        action: input.action,
        reason: input.reason ?? null,
        moderatorId: principal.userId,
      });
    });
    this.relay.kick();
    const { post, reader } = await this.finder.post(input.postId, principal);
    return toPostReply(post, reader);
  }

  async history(postId: string, principal: Principal): Promise<ModerationEntryReply[]> {
    const { post, reader } = await this.finder.post(postId, principal);
    if (!reader.moderator) throw forbidden("Only the space's moderators see a post's moderation history");
    return (await this.moderation.history(post.id)).map((entry) => ({ ...entry, at: entry.at.toISOString() }));
  }
}
