import { type EventEnvelope, threadsEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { DeliveryAudience } from './delivery-audience';
import { NotificationsRepository } from './notifications.repository';

type AnswerAccepted = z.output<typeof threadsEvents.answerAccepted.payload>;

/** The answer's author hears that it was accepted, unless they accepted it themselves or may no longer read it. */
@Injectable()
export class NotifyAnswerAcceptedHandler implements DurableHandler<typeof threadsEvents.answerAccepted, string[]> {
  readonly consumer = 'threads-notify-answer-accepted';
  readonly event = threadsEvents.answerAccepted;

  constructor(
    private readonly audience: DeliveryAudience,
    private readonly notifications: NotificationsRepository,
  ) {}

  async prepare(answer: AnswerAccepted): Promise<string[]> {
    if (answer.authorId === answer.acceptedBy) return [];
    return this.audience.mayRead(answer.spaceId, 'EVERYONE', [answer.authorId]);
  }

  async handle(answer: AnswerAccepted, _envelope: EventEnvelope, readers: string[]): Promise<void> {
    await this.notifications.deliver(readers, {
      kind: 'ANSWER_ACCEPTED',
      spaceId: answer.spaceId,
      threadId: answer.threadId,
      postId: answer.postId,
      actorId: answer.acceptedBy,
    });
  }
}
