import {
  Global,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
  type Type,
} from '@nestjs/common';
import { Database } from '@kern/database';
import { DurableConsumers, type AnyDurableHandler } from './durable-consumers';
import { EventStreams } from './event-streams';
import type { EventsEnv } from './events.env';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

export interface EventsOptions {
  /** The service's schema, holding its outbox and inbox. */
  schema: string;
  servers: string[];
  name: string;
  config: EventsEnv;
}

const OPTIONS = Symbol('EventsOptions');

/** Starts the relay with the application and stops it (after the last publish) on shutdown. */
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly streams: EventStreams,
  ) {}
  onApplicationBootstrap() {
    this.relay.start();
  }
  async beforeApplicationShutdown() {
    await this.relay.stop();
  }
  async onApplicationShutdown() {
    await this.streams.close();
  }
}

/** A service's durable events: `Outbox` to publish with a change, and `durableConsumers()` to apply them. */
@Global()
@Module({})
export class EventsModule {
  static forService(options: EventsOptions): DynamicModule {
    return {
      module: EventsModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: EventStreams, useFactory: () => EventStreams.open(options.servers, options.name, options.config) },
        {
          provide: Outbox,
          useFactory: (database: Database) => new Outbox(database, options.schema),
          inject: [Database],
        },
        {
          provide: OutboxRelay,
          useFactory: (database: Database, streams: EventStreams) => new OutboxRelay(database, options.schema, streams),
          inject: [Database, EventStreams],
        },
        {
          provide: RelayLifecycle,
          useFactory: (relay: OutboxRelay, streams: EventStreams) => new RelayLifecycle(relay, streams),
          inject: [OutboxRelay, EventStreams],
        },
      ],
      exports: [Outbox, OutboxRelay, EventStreams, OPTIONS],
    };
  }
}

/** The provider that runs these handlers (themselves providers of the same module) as durable consumers. */
export function durableConsumers(handlers: Array<Type<AnyDurableHandler>>): Provider {
  return {
    provide: DurableConsumers,
    useFactory: (
      database: Database,
      streams: EventStreams,
      options: EventsOptions,
      ...instances: AnyDurableHandler[]
    ) => new DurableConsumers(database, options.schema, streams, options.config.EVENTS_MAX_ATTEMPTS, instances),
    inject: [Database, EventStreams, OPTIONS, ...handlers],
  };
}
