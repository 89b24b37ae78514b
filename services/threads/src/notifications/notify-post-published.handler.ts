import { type EventEnvelope, threadsEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { DeliveryAudience } from './delivery-audience';
import { NotificationsRepository } from './notifications.repository';
import { RecipientsRepository } from './recipients.repository';

type PostPublished = z.output<typeof threadsEvents.postPublished.payload>;

export interface Deliveries {
  mentions: string[];
  replies: string[];
}

/**
 * A new visible post: mentioned people get a MENTION; watchers, and the author of the post it
 * answers, get a REPLY (gathered per thread). Never its own author, never who muted the thread,
 * never anyone who may not read it now.
 */
@Injectable()
export class NotifyPostPublishedHandler implements DurableHandler<typeof threadsEvents.postPublished, Deliveries> {
  readonly consumer = 'threads-notify-post-published';
  readonly event = threadsEvents.postPublished;

  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly audience: DeliveryAudience,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** Who hears of it, asked before the delivery's transaction: it calls identity and spaces. */
  async prepare(post: PostPublished): Promise<Deliveries> {
    const mentioned = new Set(await this.audience.idsOfHandles(post.mentionedHandles));
    const repliedTo = post.replyToPostId ? await this.recipients.authorOf(post.replyToPostId) : null;
    const following = new Set(await this.recipients.watchers(post.threadId, post.spaceId, post.opening));
    if (repliedTo) following.add(repliedTo);
    const everyone = [...new Set([...mentioned, ...following])].filter((id) => id !== post.authorId);
    const muted = await this.recipients.muted(post.threadId, post.spaceId, everyone);
    const readers = new Set(
      await this.audience.mayRead(
        post.spaceId,
        post.visibility,
        everyone.filter((id) => !muted.has(id)),
      ),
    );
    return {
      mentions: [...mentioned].filter((id) => readers.has(id)),
      replies: [...following].filter((id) => readers.has(id) && !mentioned.has(id)),
    };
  }

  async handle(post: PostPublished, _envelope: EventEnvelope, deliveries: Deliveries): Promise<void> {
    const place = { spaceId: post.spaceId, threadId: post.threadId, postId: post.postId, actorId: post.authorId };
    await this.notifications.deliver(deliveries.mentions, { kind: 'MENTION', ...place });
    await this.notifications.deliver(deliveries.replies, { kind: 'REPLY', ...place });
  }
}
