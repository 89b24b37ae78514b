import { type AnyDurableEvent, type EventEnvelope, eventStreamSubject } from '@kern/contracts';
import type { Database } from '@kern/database';
import { currentTrace } from '@kern/logging';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

/**
 * Records a durable event inside the caller's transaction: it is published if and only if the
 * change commits. The relay does the publishing.
 */
export class Outbox {
  constructor(
    private readonly database: Database,
    private readonly schema: string,
  ) {}

  async add<E extends AnyDurableEvent>(
    event: E,
    payload: z.input<E['payload']>,
  ): Promise<EventEnvelope<z.output<E['payload']>>> {
    // Outside a transaction the event could be recorded for a change that then fails, or the reverse.
    if (!this.database.inTransaction)
      throw new Error(`${event.subject} must be recorded in the transaction of the change it announces`);
    const envelope: EventEnvelope<z.output<E['payload']>> = {
      id: randomUUID(),
      name: event.subject,
      version: event.version,
      occurredAt: new Date().toISOString(),
      traceId: currentTrace()?.traceId ?? null,
      // A payload that does not match its contract fails here, in the publisher, not in every consumer.
      payload: event.payload.parse(payload) as z.output<E['payload']>,
    };
    await this.database.query(`INSERT INTO ${this.schema}.outbox (id, subject, envelope) VALUES ($1, $2, $3)`, [
      envelope.id,
      eventStreamSubject(event),
      envelope,
    ]);
    return envelope;
  }
}
