import { type EventEnvelope, expertiseEvents, threadsEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { DeliveryAudience } from './delivery-audience';
import { NotificationsRepository } from './notifications.repository';
import { RecipientsRepository } from './recipients.repository';

type Payload<E extends { payload: z.ZodType }> = z.output<E['payload']>;

interface Deliveries {
  mentions: string[];
  replies: string[];
}

/**
 * A new visible post: mentioned people get a MENTION; watchers, and the author of the post it
 * answers, get a REPLY (gathered per thread). Never its own author, never who muted the thread,
 * never anyone who may not read it now.
 */
@Injectable()
export class NotifyPostPublished implements DurableHandler<typeof threadsEvents.postPublished, Deliveries> {
  readonly consumer = 'threads-notify-post-published';
  readonly event = threadsEvents.postPublished;

  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly audience: DeliveryAudience,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** Who hears of it, asked before the delivery's transaction: it calls identity and spaces. */
  async prepare(post: Payload<typeof threadsEvents.postPublished>): Promise<Deliveries> {
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

  async handle(
    post: Payload<typeof threadsEvents.postPublished>,
    _envelope: EventEnvelope,
    deliveries: Deliveries,
  ): Promise<void> {
    const place = { spaceId: post.spaceId, threadId: post.threadId, postId: post.postId, actorId: post.authorId };
    await this.notifications.deliver(deliveries.mentions, { kind: 'MENTION', ...place });
    await this.notifications.deliver(deliveries.replies, { kind: 'REPLY', ...place });
  }
}

@Injectable()
export class NotifyAnswerAccepted implements DurableHandler<typeof threadsEvents.answerAccepted, string[]> {
  readonly consumer = 'threads-notify-answer-accepted';
  readonly event = threadsEvents.answerAccepted;

  constructor(
    private readonly audience: DeliveryAudience,
    private readonly notifications: NotificationsRepository,
  ) {}

  async prepare(answer: Payload<typeof threadsEvents.answerAccepted>): Promise<string[]> {
    if (answer.authorId === answer.acceptedBy) return [];
    return this.audience.mayRead(answer.spaceId, 'EVERYONE', [answer.authorId]);
  }

  async handle(
    answer: Payload<typeof threadsEvents.answerAccepted>,
    _envelope: EventEnvelope,
    readers: string[],
  ): Promise<void> {
    await this.notifications.deliver(readers, {
      kind: 'ANSWER_ACCEPTED',
      spaceId: answer.spaceId,
      threadId: answer.threadId,
      postId: answer.postId,
      actorId: answer.acceptedBy,
    });
  }
}

/** Authors hear what moderators did to their posts, and why (they may still read their own post). */
@Injectable()
export class NotifyPostModerated implements DurableHandler<typeof threadsEvents.postModerated> {
  readonly consumer = 'threads-notify-post-moderated';
  readonly event = threadsEvents.postModerated;

  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(moderation: Payload<typeof threadsEvents.postModerated>): Promise<void> {
    if (moderation.authorId === moderation.moderatorId) return;
    await this.notifications.deliver([moderation.authorId], {
      kind: 'MODERATION',
      spaceId: moderation.spaceId,
      threadId: moderation.threadId,
      postId: moderation.postId,
      actorId: moderation.moderatorId,
    });
  }
}

/** The expertise service chose experts for an unanswered question; they hear of it if they may read it. */
@Injectable()
export class NotifyQuestionRouted implements DurableHandler<typeof expertiseEvents.questionRouted, string[]> {
  readonly consumer = 'threads-notify-question-routed';
  readonly event = expertiseEvents.questionRouted;

  constructor(
    private readonly audience: DeliveryAudience,
    private readonly notifications: NotificationsRepository,
  ) {}

  prepare(routing: Payload<typeof expertiseEvents.questionRouted>): Promise<string[]> {
    return this.audience.mayRead(routing.spaceId, 'EVERYONE', routing.expertIds);
  }

  async handle(
    routing: Payload<typeof expertiseEvents.questionRouted>,
    _envelope: EventEnvelope,
    readers: string[],
  ): Promise<void> {
    await this.notifications.deliver(readers, {
      kind: 'QUESTION_ROUTED',
      spaceId: routing.spaceId,
      threadId: routing.threadId,
      postId: routing.postId,
      actorId: null,
    });
  }
}
