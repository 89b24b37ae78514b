import { Global, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider, type Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DurableConsumers, type DurableHandler } from './durable-consumers';
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
        { provide: Outbox, useValue: new Outbox(options.schema) },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, streams: EventStreams) => new OutboxRelay(dataSource, options.schema, streams),
          inject: [getDataSourceToken(), EventStreams],
        },
        { provide: RelayLifecycle, useFactory: (relay: OutboxRelay, streams: EventStreams) => new RelayLifecycle(relay, streams), inject: [OutboxRelay, EventStreams] },
      ],
      exports: [Outbox, OutboxRelay, EventStreams, OPTIONS],
    };
  }
}

/** The provider that runs these handlers (themselves providers of the same module) as durable consumers. */
export function durableConsumers(handlers: Array<Type<DurableHandler>>): Provider {
  return {
    provide: DurableConsumers,
    useFactory: (dataSource: DataSource, streams: EventStreams, options: EventsOptions, ...instances: DurableHandler[]) =>
      new DurableConsumers(dataSource, options.schema, streams, options.config.EVENTS_MAX_ATTEMPTS, instances),
    inject: [getDataSourceToken(), EventStreams, OPTIONS, ...handlers],
  };
}
