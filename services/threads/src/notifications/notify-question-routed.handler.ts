import { type EventEnvelope, expertiseEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { DeliveryAudience } from './delivery-audience';
import { NotificationsRepository } from './notifications.repository';

type QuestionRouted = z.output<typeof expertiseEvents.questionRouted.payload>;

/** The expertise service chose experts for an unanswered question; they hear of it if they may read it. */
@Injectable()
export class NotifyQuestionRoutedHandler implements DurableHandler<typeof expertiseEvents.questionRouted, string[]> {
  readonly consumer = 'threads-notify-question-routed';
  readonly event = expertiseEvents.questionRouted;

  constructor(
    private readonly audience: DeliveryAudience,
    private readonly notifications: NotificationsRepository,
  ) {}

  prepare(routing: QuestionRouted): Promise<string[]> {
    return this.audience.mayRead(routing.spaceId, 'EVERYONE', routing.expertIds);
  }

  async handle(routing: QuestionRouted, _envelope: EventEnvelope, readers: string[]): Promise<void> {
    await this.notifications.deliver(readers, {
      kind: 'QUESTION_ROUTED',
      spaceId: routing.spaceId,
      threadId: routing.threadId,
      postId: routing.postId,
      actorId: null,
    });
  }
}
