import {
  type PostReply,
  type PostVisibility,
  type Principal,
  type RequestOf,
  threads,
  threadsEvents,
  type UserPrincipal,
} from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, badInput, forbidden, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { assertMayPost } from '../access/space-access.client';
import { ThreadFinder, type FoundThread } from '../access/thread-finder';
import { FollowsRepository } from '../follows/follows.repository';
import { LeakGuard } from '../leak-guard/leak-guard';
import { ModerationRepository } from '../moderation/moderation.repository';
import { type Admission, PostingPolicy } from '../moderation/posting-policy';
import { assertStillWritable } from '../threads/still-writable';
import { ThreadsRepository } from '../threads/threads.repository';
import { renderMarkdown } from './markdown';
import { postPublished } from './post-events';
import { toPostReply } from './posts.mapper';
import { PostsRepository } from './posts.repository';

@Injectable()
export class ReplyUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly leakGuard: LeakGuard,
    private readonly policy: PostingPolicy,
    private readonly moderation: ModerationRepository,
    private readonly follows: FollowsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  /** Everything that asks another service happens first; the transaction only writes. */
  async execute(input: RequestOf<typeof threads.reply>, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const visibility = input.visibility ?? 'EVERYONE';
    if (visibility === 'INTERNAL' && principal.kind !== 'EMPLOYEE')
      throw forbidden('Only employees write internal notes');
    const found = await this.finder.thread(input.threadId, principal);
    const { thread, access, reader } = found;
    assertMayPost(access);
    if (thread.lockedAt && !reader.moderator) throw forbidden('This thread is locked');
    if (input.replyToPostId) await this.assertReplyTarget(found, input.replyToPostId, visibility);
    await this.leakGuard.check(
      {
        text: input.body,
        audience: access.audience,
        visibility,
        threadId: thread.id,
        confirmed: input.confirmPublic,
      },
      principal,
    );
    const admission = await this.policy.admit(principal, { kind: 'REPLY', body: input.body });
    const id = await this.database.transaction(() => this.save(found, input, visibility, admission, principal));
    this.relay.kick();
    const { post, reader: after } = await this.finder.post(id, principal);
    return toPostReply(post, after);
  }

  /** Inside the transaction: the thread is still where it was and open; then the post, its count and its event. */
  private async save(
    found: FoundThread,
    input: RequestOf<typeof threads.reply>,
    visibility: PostVisibility,
    admission: Admission,
    principal: UserPrincipal,
  ): Promise<string> {
    const { thread } = found;
    await assertStillWritable(this.threads, found);
    const postId = randomUUID();
    const replyToPostId = input.replyToPostId ?? null;
    await this.posts.insert({
      id: postId,
      threadId: thread.id,
      authorId: principal.userId,
      opening: false,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      visibility,
      status: admission.status,
      replyToPostId,
      language: thread.language,
    });
    // Held posts are counted, and announced, when a moderator approves them.
    if (admission.status === 'VISIBLE') {
      await this.threads.countReply(thread.id, visibility);
      await this.outbox.add(
        threadsEvents.postPublished,
        postPublished({
          postId,
          threadId: thread.id,
          spaceId: thread.spaceId,
          authorId: principal.userId,
          topicIds: thread.topicIds,
          threadKind: thread.kind,
          opening: false,
          visibility,
          replyToPostId,
          body: input.body,
        }),
      );
    } else await this.moderation.log(postId, null, 'HOLD', `spam check: ${admission.spam?.reasons.join(', ')}`);
    await this.follows.watchUnlessChosen(principal.userId, thread.id);
    await this.follows.markRead(principal.userId, thread.id);
    return postId;
  }

  private async assertReplyTarget({ thread, reader }: FoundThread, replyToPostId: string, visibility: string) {
    const [target] = await this.posts.findVisible(reader, [replyToPostId]);
    if (!target || target.threadId !== thread.id) throw notFound('Post');
    // A reply to an internal note is part of that internal conversation.
    if (target.visibility === 'INTERNAL' && visibility !== 'INTERNAL')
      throw badInput('A reply to an internal note must be internal too', { field: 'visibility' });
  }
}
