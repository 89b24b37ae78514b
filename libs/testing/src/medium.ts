import type { AnyRpc, Principal, ReplyOf, RequestOf } from '@kern/contracts';
import { Database, initializeAndMigrate } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertNotHolding, DomainError, ServiceClient } from '@kern/messaging';
import { Module, type DynamicModule, type INestApplicationContext, type Provider, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource, MigrationInterface } from 'typeorm';
import { throwawayDatabase, type ThrowawayDatabase } from './throwaway-database';

type Answer<R extends AnyRpc> = (payload: RequestOf<R>, principal: Principal) => ReplyOf<R> | Promise<ReplyOf<R>>;

/**
 * The other services, as a service under test sees them: each subject answers as the test says, or
 * fails as a stopped service does. Like the real client it refuses to be called inside a
 * transaction, so a medium test catches a NATS call made while a connection is held.
 */
export class FakeServiceClient {
  readonly calls: Array<{ subject: string; payload: unknown; principal: Principal }> = [];
  private readonly answers = new Map<string, Answer<AnyRpc>>();

  answer<R extends AnyRpc>(rpc: R, answer: Answer<R>): this {
    this.answers.set(rpc.subject, answer as Answer<AnyRpc>);
    return this;
  }

  async call<R extends AnyRpc>(rpc: R, payload: RequestOf<R>, principal: Principal): Promise<ReplyOf<R>> {
    assertNotHolding(`calling ${rpc.subject}`);
    this.calls.push({ subject: rpc.subject, payload, principal });
    const answer = this.answers.get(rpc.subject);
    if (!answer)
      throw new DomainError('SERVICE_UNAVAILABLE', `The ${rpc.subject.split('.')[0]} service is not available`);
    return (await answer(payload, principal)) as ReplyOf<R>;
  }

  /** Events published to every subscriber (core NATS): recorded, nobody listens. */
  emit(): Promise<void> {
    assertNotHolding('publishing an event');
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export interface MediumOptions {
  /** The service's PostgreSQL schema and its migrations, applied to a throwaway database. */
  schema: string;
  migrations: Array<new () => MigrationInterface>;
  /** The TypeORM entities the service's repositories use, if any. */
  entities?: Array<Type>;
  /** What is under test: the service's aggregate modules, or single providers. */
  imports?: Array<Type | DynamicModule>;
  providers?: Provider[];
}

/**
 * A service's medium tier (immich's `test/medium` is the model): its use cases and repositories on a
 * real PostgreSQL database migrated as in production, and the other services faked at the
 * `ServiceClient`. No NATS: durable events stay in the outbox, where a test may read them.
 */
export class MediumService {
  private constructor(
    private readonly app: INestApplicationContext,
    readonly database: Database,
    readonly services: FakeServiceClient,
    private readonly dataSource: DataSource,
    private readonly throwaway: ThrowawayDatabase,
  ) {}

  static async start(options: MediumOptions): Promise<MediumService> {
    const throwaway = throwawayDatabase();
    const dataSource = await initializeAndMigrate({
      type: 'postgres',
      url: throwaway.url,
      schema: options.schema,
      migrations: options.migrations,
      entities: options.entities ?? [],
      migrationsTableName: 'migrations',
      extra: { max: 5, application_name: `kern-${options.schema}-medium` },
    });
    const database = new Database(dataSource, { guardNestedAcquire: true });
    const services = new FakeServiceClient();

    @Module({})
    class Infrastructure {}
    const infrastructure: DynamicModule = {
      module: Infrastructure,
      global: true,
      providers: [
        { provide: Database, useValue: database },
        { provide: ServiceClient, useValue: services },
        { provide: Outbox, useValue: new Outbox(database, options.schema) },
        { provide: OutboxRelay, useValue: { kick: () => undefined } },
      ],
      exports: [Database, ServiceClient, Outbox, OutboxRelay],
    };
    @Module({})
    class UnderTest {}
    const app = await NestFactory.createApplicationContext(
      { module: UnderTest, imports: [infrastructure, ...(options.imports ?? [])], providers: options.providers ?? [] },
      { logger: false },
    );
    return new MediumService(app, database, services, dataSource, throwaway);
  }

  get<T>(type: Type<T> | symbol | string): T {
    return this.app.get<T>(type, { strict: false });
  }

  /** The events recorded in the outbox so far, oldest first. */
  async outbox(): Promise<Array<{ subject: string; payload: unknown }>> {
    const rows: Array<{ subject: string; envelope: { payload: unknown } }> = await this.database.query(
      `SELECT subject, envelope FROM ${this.schemaOf()}.outbox ORDER BY seq`,
    );
    return rows.map((row) => ({ subject: row.subject, payload: row.envelope.payload }));
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.dataSource.destroy();
    await this.throwaway.drop();
  }

  private schemaOf(): string {
    return (this.dataSource.options as { schema?: string }).schema ?? 'public';
  }
}
