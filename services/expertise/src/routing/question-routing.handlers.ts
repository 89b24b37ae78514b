import { type EventEnvelope, threadsEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { EXPERTISE_CONFIG, type ExpertiseConfig } from '../config/expertise.config';
import { RoutingRepository } from './routing.repository';

/** A new question starts waiting for a reply; a reply by someone else, or an accepted answer, ends the wait. */
@Injectable()
export class QuestionsToRoute implements DurableHandler<typeof threadsEvents.postPublished> {
  readonly consumer = 'expertise-routing-questions';
  readonly event = threadsEvents.postPublished;

  constructor(
    @Inject(EXPERTISE_CONFIG) private readonly config: ExpertiseConfig,
    private readonly routing: RoutingRepository,
  ) {}

  async handle(post: z.output<typeof threadsEvents.postPublished.payload>, envelope: EventEnvelope) {
    if (post.opening && post.threadKind === 'QUESTION') {
      const job = {
        threadId: post.threadId,
        postId: post.postId,
        spaceId: post.spaceId,
        authorId: post.authorId,
        topicIds: post.topicIds,
      };
      return this.routing.schedule(job, envelope.occurredAt, this.config.ROUTING_DELAY_SECONDS);
    }
    // An internal note is not an answer the asker can see.
    if (!post.opening && post.visibility === 'EVERYONE') await this.routing.answered(post.threadId, post.authorId);
  }
}

@Injectable()
export class AnsweredQuestions implements DurableHandler<typeof threadsEvents.answerAccepted> {
  readonly consumer = 'expertise-routing-answers';
  readonly event = threadsEvents.answerAccepted;

  constructor(private readonly routing: RoutingRepository) {}

  async handle(answer: z.output<typeof threadsEvents.answerAccepted.payload>, _envelope: EventEnvelope) {
    await this.routing.answered(answer.threadId, null);
  }
}
