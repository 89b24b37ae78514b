import { type EventEnvelope, threadsEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { EvidenceRepository } from './evidence.repository';

type Payload<E extends { payload: z.ZodType }> = z.output<E['payload']>;

/**
 * Expertise learns of activity only from the threads service's durable events (never by asking it):
 * so evidence is complete after this service was down, and an event delivered twice counts once
 * (the consumers' inbox, and unique evidence rows).
 */
@Injectable()
export class ReplyEvidence implements DurableHandler<typeof threadsEvents.postPublished> {
  readonly consumer = 'expertise-evidence-replies';
  readonly event = threadsEvents.postPublished;
  constructor(private readonly evidence: EvidenceRepository) {}

  async handle(post: Payload<typeof threadsEvents.postPublished>, envelope: EventEnvelope) {
    // Asking a question shows curiosity, not expertise.
    if (post.opening) return;
    await this.evidence.record({
      ...post,
      userId: post.authorId,
      kind: 'REPLY',
      occurredAt: envelope.occurredAt,
      excerpt: post.excerpt,
    });
  }
}

@Injectable()
export class AcceptedAnswerEvidence implements DurableHandler<typeof threadsEvents.answerAccepted> {
  readonly consumer = 'expertise-evidence-accepted-answers';
  readonly event = threadsEvents.answerAccepted;
  constructor(private readonly evidence: EvidenceRepository) {}

  async handle(answer: Payload<typeof threadsEvents.answerAccepted>, envelope: EventEnvelope) {
    await this.evidence.replaceAcceptedAnswer({
      ...answer,
      userId: answer.authorId,
      kind: 'ACCEPTED_ANSWER',
      occurredAt: envelope.occurredAt,
    });
  }
}

@Injectable()
export class HelpfulEvidence implements DurableHandler<typeof threadsEvents.postMarkedHelpful> {
  readonly consumer = 'expertise-evidence-helpful-marks';
  readonly event = threadsEvents.postMarkedHelpful;
  constructor(private readonly evidence: EvidenceRepository) {}

  async handle(mark: Payload<typeof threadsEvents.postMarkedHelpful>, envelope: EventEnvelope) {
    if (!mark.helpful) return this.evidence.withdrawHelpful(mark.postId, mark.markedBy);
    await this.evidence.record({
      ...mark,
      userId: mark.authorId,
      kind: 'HELPFUL',
      givenBy: mark.markedBy,
      occurredAt: envelope.occurredAt,
    });
  }
}

/** Hidden and deleted posts stop counting; approved and restored ones count (again). */
@Injectable()
export class ModerationEvidence implements DurableHandler<typeof threadsEvents.postModerated> {
  readonly consumer = 'expertise-evidence-moderation';
  readonly event = threadsEvents.postModerated;
  constructor(private readonly evidence: EvidenceRepository) {}

  async handle(moderation: Payload<typeof threadsEvents.postModerated>, _envelope: EventEnvelope) {
    await this.evidence.setRemoved(moderation.postId, moderation.action === 'HIDE' || moderation.action === 'DELETE');
  }
}

@Injectable()
export class DeletionEvidence implements DurableHandler<typeof threadsEvents.postDeleted> {
  readonly consumer = 'expertise-evidence-deletions';
  readonly event = threadsEvents.postDeleted;
  constructor(private readonly evidence: EvidenceRepository) {}

  async handle(post: Payload<typeof threadsEvents.postDeleted>, _envelope: EventEnvelope) {
    await this.evidence.setRemoved(post.postId, true);
  }
}

/** A moved thread's evidence is seen by the readers of its new space. */
@Injectable()
export class MovedThreadEvidence implements DurableHandler<typeof threadsEvents.threadMoved> {
  readonly consumer = 'expertise-evidence-moves';
  readonly event = threadsEvents.threadMoved;
  constructor(private readonly evidence: EvidenceRepository) {}

  async handle(move: Payload<typeof threadsEvents.threadMoved>, _envelope: EventEnvelope) {
    await this.evidence.moveThread(move.threadId, move.spaceId);
  }
}

export const evidenceHandlers = [
  ReplyEvidence,
  AcceptedAnswerEvidence,
  HelpfulEvidence,
  ModerationEvidence,
  DeletionEvidence,
  MovedThreadEvidence,
];
