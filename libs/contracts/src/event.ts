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

export const event = <Subject extends string, Payload extends z.ZodType>(subject: Subject, payload: Payload): EventDefinition<Subject, Payload> => ({
  subject,
  payload,
});

export type AnyEvent = EventDefinition<string, z.ZodType>;
export type PayloadOf<E extends AnyEvent> = z.input<E['payload']>;
