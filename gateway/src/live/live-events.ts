import { natsServers } from '@kern/config';
import {
  type AnyDurableEvent,
  EVENT_STREAMS,
  type EventEnvelope,
  eventStreamSubject,
  threadsEvents,
} from '@kern/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/** The events live updates are made of. */
const LIVE_EVENTS: AnyDurableEvent[] = [threadsEvents.postPublished, threadsEvents.notificationsDelivered];

/**
 * Durable events as they are published, for the subscriptions of this gateway replica. Every replica
 * subscribes without a queue group, so each one sees every event and serves its own subscribers; an
 * event that arrives while nobody here listens for it is simply dropped (the inbox keeps the record).
 */
@Injectable()
export class LiveEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private connection?: NatsConnection;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async onApplicationBootstrap() {
    this.connection = await connect({
      servers: natsServers(this.config.NATS_URL),
      name: `gateway-live-${process.pid}`,
      maxReconnectAttempts: -1,
    });
    for (const event of LIVE_EVENTS) {
      const subject = eventStreamSubject(event);
      const subscription = this.connection.subscribe(subject);
      void (async () => {
        for await (const message of subscription) {
          try {
            const envelope = message.json<EventEnvelope>();
            this.emitter.emit(subject, { ...envelope, payload: event.payload.parse(envelope.payload) });
          } catch (error) {
            this.logger.warn({ msg: 'ignoring a malformed live event', subject, error: String(error) });
          }
        }
      })();
    }
  }

  /** How many events no consumer could apply (the dead-letter stream), for operators; null when unknown. */
  async deadLetters(): Promise<number | null> {
    if (!this.connection) return null;
    try {
      const jsm = await jetstreamManager(this.connection, { timeout: 1000 });
      return (await jsm.streams.info(EVENT_STREAMS.deadLetters.name)).state.messages;
    } catch {
      return null;
    }
  }

  async onApplicationShutdown() {
    await this.connection?.drain();
  }

  /** Calls `handle` with each payload of `event` from now on, until the returned function is called. */
  on<E extends AnyDurableEvent>(event: E, handle: (payload: z.output<E['payload']>) => void): () => void {
    const listener = (envelope: EventEnvelope<z.output<E['payload']>>) => handle(envelope.payload);
    this.emitter.on(eventStreamSubject(event), listener);
    return () => this.emitter.off(eventStreamSubject(event), listener);
  }
}
