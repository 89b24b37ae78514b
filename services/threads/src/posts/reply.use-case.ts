import { type Principal, type PostReply, type RequestOf, threads } from '@kern/contracts';
import { assertCanWrite, badInput, forbidden, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { assertMayPost } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { FollowsRepository } from '../follows/follows.repository';
import { LeakGuard } from '../leak-guard/leak-guard';
import { ModerationRepository } from '../moderation/moderation.repository';
import { PostingPolicy } from '../moderation/posting-policy';
import { ThreadsRepository } from '../threads/threads.repository';
import { renderMarkdown } from './markdown';
import { PostEvents } from './post-events';
import { toPostReply } from './post-row';
import { PostsRepository } from './posts.repository';

@Injectable()
export class ReplyUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly finder: ThreadFinder,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly leakGuard: LeakGuard,
    private readonly policy: PostingPolicy,
    private readonly moderation: ModerationRepository,
    private readonly follows: FollowsRepository,
    private readonly events: PostEvents,
  ) {}

  async execute(input: RequestOf<typeof threads.reply>, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const visibility = input.visibility ?? 'EVERYONE';
    if (visibility === 'INTERNAL' && principal.kind !== 'EMPLOYEE') throw forbidden('Only employees write internal notes');
    const admission = await this.policy.admit(principal, { kind: 'REPLY', body: input.body });
    const id = await this.dataSource.transaction(async (tx) => {
      // Locks the thread row: replies, counts and a concurrent lock or move happen one after another.
      const { thread, access, reader } = await this.finder.thread(input.threadId, principal, tx);
      assertMayPost(access);
      if (thread.t_locked_at && !reader.moderator) throw forbidden('This thread is locked');
      await this.leakGuard.check({ text: input.body, audience: access.audience, visibility, threadId: thread.thread_id, confirmed: input.confirmPublic }, principal);
      if (input.replyToPostId) {
        const [target] = await this.posts.in(tx).findVisible(reader, [input.replyToPostId]);
        if (!target || target.thread_id !== thread.thread_id) throw notFound('Post');
        // A reply to an internal note is part of that internal conversation.
        if (target.visibility === 'INTERNAL' && visibility !== 'INTERNAL') throw badInput('A reply to an internal note must be internal too', { field: 'visibility' });
      }
      const postId = randomUUID();
      await this.posts.in(tx).insert({
        id: postId,
        threadId: thread.thread_id,
        authorId: principal.userId,
        opening: false,
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        visibility,
        status: admission.status,
        replyToPostId: input.replyToPostId ?? null,
        language: thread.t_language,
      });
      // Held posts are counted, and announced, when a moderator approves them.
      if (admission.status === 'VISIBLE') {
        await this.threads.in(tx).countReply(thread.thread_id, visibility);
        const place = { postId, threadId: thread.thread_id, spaceId: thread.t_space_id, authorId: principal.userId, topicIds: thread.t_topic_ids };
        await this.events.published(tx, { ...place, threadKind: thread.t_kind, opening: false, visibility, replyToPostId: input.replyToPostId ?? null, body: input.body });
      } else await this.moderation.in(tx).log(postId, null, 'HOLD', `spam check: ${admission.spam?.reasons.join(', ')}`);
      await this.follows.in(tx).watchUnlessChosen(principal.userId, thread.thread_id);
      await this.follows.in(tx).markRead(principal.userId, thread.thread_id);
      return postId;
    });
    this.events.kick();
    const { post, reader } = await this.finder.post(id, principal);
    return toPostReply(post, reader);
  }
}
