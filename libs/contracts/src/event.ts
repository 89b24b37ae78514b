import type { z } from 'zod';

/**
 * One event subject (past tense, `<service>.<aggregate>.<verb-ed>`) and the schema of its payload.
 * Events are published to every subscriber; a subscriber that may miss one (a restart) must be able
 * to catch up another way, until the durable event machinery carries them.
 */
export interface EventDefinition<Subject extends string, Payload extends z.ZodType> {
  readonly subject: Subject;
  readonly payload: Payload;
}

export const event = <Subject extends string, Payload extends z.ZodType>(
  subject: Subject,
  payload: Payload,
): EventDefinition<Subject, Payload> => ({
  subject,
  payload,
});

export type AnyEvent = EventDefinition<string, z.ZodType>;
export type PayloadOf<E extends AnyEvent> = z.input<E['payload']>;

/**
 * An event other services must not miss: written to the publisher's outbox in the same transaction as
 * the change, relayed to JetStream, and applied exactly once by durable consumers. The version says
 * which payload shape it carries; a breaking change is a new version, published beside the old.
 */
export interface DurableEventDefinition<Subject extends string, Payload extends z.ZodType> extends EventDefinition<
  Subject,
  Payload
> {
  readonly version: number;
  readonly durable: true;
}

export const durableEvent = <Subject extends string, Payload extends z.ZodType>(
  subject: Subject,
  version: number,
  payload: Payload,
): DurableEventDefinition<Subject, Payload> => ({ subject, version, payload, durable: true });

export type AnyDurableEvent = DurableEventDefinition<string, z.ZodType>;

/** What travels for every durable event, around its payload. */
export interface EventEnvelope<Payload = unknown> {
  /** Unique; also the JetStream message id, so a re-publish after a crash is dropped as a duplicate. */
  id: string;
  name: string;
  version: number;
  occurredAt: string;
  /** The trace of the request that caused it, so its effects can be followed across services. */
  traceId: string | null;
  payload: Payload;
}

/**
 * Where durable events live. Request/reply subjects (`<service>.<aggregate>.<verb>`) must never be
 * captured by a stream, so events get their own prefix.
 */
export const EVENT_STREAMS = {
  events: { name: 'KERN_EVENTS', subjectPrefix: 'events.' },
  deadLetters: { name: 'KERN_DEAD_LETTERS', subjectPrefix: 'dead-letter.' },
} as const;

export const eventStreamSubject = (event: AnyDurableEvent) => `${EVENT_STREAMS.events.subjectPrefix}${event.subject}`;
