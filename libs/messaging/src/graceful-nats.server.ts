import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import type { InFlightTracker } from './in-flight';

/**
 * Nest's NATS server, closing the way a replica must on SIGTERM: stop taking requests (drain the
 * subscriptions, so what NATS already routed here is still answered), wait for the requests being
 * handled, then drain the connection so their replies are flushed before it closes.
 */
export class GracefulNatsServer extends ServerNats {
  constructor(
    options: NonNullable<NatsOptions['options']>,
    private readonly inFlight: InFlightTracker,
    private readonly drainTimeoutMs = 10_000,
  ) {
    super(options);
  }

  override async close(): Promise<void> {
    // Nest keeps these private; the shape is stable across Nest 10-12.
    const { natsClient: connection, subscriptions } = this as unknown as {
      natsClient: NatsConnection | null;
      subscriptions: Subscription[];
    };
    if (!connection || connection.isClosed()) return super.close();
    await Promise.allSettled(subscriptions.map((subscription) => subscription.drain()));
    await this.inFlight.idle(this.drainTimeoutMs);
    // Replies are published on the next tick after a handler completes.
    await new Promise((resolve) => setImmediate(resolve));
    await connection.drain().catch(() => undefined);
    await super.close();
  }
}
