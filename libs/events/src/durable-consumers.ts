import { type AnyDurableEvent, EVENT_STREAMS, type EventEnvelope, eventStreamSubject } from '@kern/contracts';
import { runInTrace } from '@kern/logging';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Database } from '@kern/database';
import type { z } from 'zod';
import type { EventStreams } from './event-streams';

const SECOND_NS = 1_000_000_000;

/**
 * One durable consumer: what it listens to and how it applies one event. Throwing from either step
 * has the event redelivered (and after EVENTS_MAX_ATTEMPTS, dead-lettered): never catch a failure
 * to reach another service and carry on, or the event is acknowledged with its work half done.
 */
export interface DurableHandler<E extends AnyDurableEvent = AnyDurableEvent, Prepared = undefined> {
  /** Unique across Kern and stable forever (JetStream remembers its position by it): `<service>-<purpose>`. */
  readonly consumer: string;
  readonly event: E;
  /**
   * Asks other services (and reads) what `handle` needs, before any transaction is open: no call
   * over NATS may wait while a transaction holds a connection. Runs again on a redelivery.
   */
  prepare?(payload: z.output<E['payload']>, envelope: EventEnvelope): Promise<Prepared>;
  /** Runs in the transaction that also records the event as applied. */
  handle(payload: z.output<E['payload']>, envelope: EventEnvelope, prepared: Prepared): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler's own types are checked where it is written
export type AnyDurableHandler = DurableHandler<AnyDurableEvent, any>;

/**
 * Runs a service's durable consumers. Every replica pulls from the same durable consumer, so each
 * event goes to one of them; the inbox row written with the handler's changes makes a redelivery
 * (a crash before the ack) a no-op. An event that keeps failing goes to a dead-letter subject after
 * EVENTS_MAX_ATTEMPTS deliveries, is logged, and no longer holds up the events behind it.
 */
export class DurableConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DurableConsumers.name);
  private readonly running: Array<{ messages: ConsumerMessages; loop: Promise<void> }> = [];
  /** Counted for operators (logged with each dead letter). */
  deadLetters = 0;

  constructor(
    private readonly database: Database,
    private readonly schema: string,
    private readonly streams: EventStreams,
    private readonly maxAttempts: number,
    private readonly handlers: AnyDurableHandler[],
  ) {}

  async onApplicationBootstrap() {
    for (const handler of this.handlers) {
      const config = {
        durable_name: handler.consumer,
        filter_subject: eventStreamSubject(handler.event),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: 30 * SECOND_NS,
      };
      try {
        await this.streams.jsm.consumers.add(EVENT_STREAMS.events.name, config);
      } catch (error) {
        if (!/already (in use|exists)/i.test(String(error))) throw error;
        await this.streams.jsm.consumers.update(EVENT_STREAMS.events.name, handler.consumer, {
          ack_wait: config.ack_wait,
        });
      }
      const consumer = await this.streams.js.consumers.get(EVENT_STREAMS.events.name, handler.consumer);
      const messages = await consumer.consume({ max_messages: 50 });
      this.running.push({ messages, loop: this.process(handler, messages) });
    }
  }

  /** Before the connection closes: stop pulling and let the event in hand finish. */
  async beforeApplicationShutdown() {
    for (const { messages } of this.running) await messages.close();
    await Promise.all(this.running.map(({ loop }) => loop));
  }

  private async process(handler: AnyDurableHandler, messages: ConsumerMessages) {
    for await (const message of messages) await this.apply(handler, message);
  }

  private async apply(handler: AnyDurableHandler, message: JsMsg) {
    let envelope: EventEnvelope;
    let payload: unknown;
    try {
      envelope = message.json<EventEnvelope>();
      payload = handler.event.payload.parse(envelope.payload);
    } catch (error) {
      // Retrying cannot fix a message that does not match its contract.
      return this.deadLetter(handler, message, error);
    }
    try {
      await runInTrace(
        { traceId: envelope.traceId ?? randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') },
        async () => {
          if (await this.applied(handler, envelope)) return;
          const prepared: unknown = handler.prepare ? await handler.prepare(payload, envelope) : undefined;
          await this.database.transaction(async () => {
            const fresh: unknown[] = await this.database.query(
              `INSERT INTO ${this.schema}.inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
              [handler.consumer, envelope.id],
            );
            if (fresh.length > 0) await handler.handle(payload, envelope, prepared);
          });
        },
      );
      message.ack();
    } catch (error) {
      if (message.info.deliveryCount >= this.maxAttempts) return this.deadLetter(handler, message, error);
      this.logger.warn({
        msg: 'event handler failed; it will be redelivered',
        consumer: handler.consumer,
        eventId: envelope.id,
        attempt: message.info.deliveryCount,
        error: String(error),
      });
      message.nak(Math.min(30_000, 250 * 2 ** message.info.deliveryCount));
    }
  }

  /** A redelivery of an event already applied skips `prepare` and its calls. */
  private async applied(handler: AnyDurableHandler, envelope: EventEnvelope): Promise<boolean> {
    const rows: unknown[] = await this.database.query(
      `SELECT 1 FROM ${this.schema}.inbox WHERE consumer = $1 AND event_id = $2`,
      [handler.consumer, envelope.id],
    );
    return rows.length > 0;
  }

  private async deadLetter(handler: AnyDurableHandler, message: JsMsg, error: unknown) {
    this.deadLetters += 1;
    const subject = `${EVENT_STREAMS.deadLetters.subjectPrefix}${handler.consumer}`;
    this.logger.error({
      msg: 'event moved to the dead letters',
      consumer: handler.consumer,
      subject,
      deadLetters: this.deadLetters,
      attempts: message.info.deliveryCount,
      error: String(error),
    });
    try {
      await this.streams.js.publish(
        subject,
        JSON.stringify({
          consumer: handler.consumer,
          error: String(error),
          attempts: message.info.deliveryCount,
          event: message.string(),
        }),
      );
      message.term();
    } catch (publishError) {
      // Not even the dead letter could be written: leave the event to be redelivered rather than lose it.
      this.logger.error({
        msg: 'could not write the dead letter',
        consumer: handler.consumer,
        error: String(publishError),
      });
      message.nak(5000);
    }
  }
}
