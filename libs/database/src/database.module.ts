import type { HealthReply, HealthRpc } from '@kern/contracts';
import { Handles } from '@kern/messaging';
import type { DatabaseEnv } from '@kern/config';
import { Controller, Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { checkDatabase } from './database-health';
import { Database } from './database';
import { initializeAndMigrate, MIGRATIONS_TABLE } from './migrate';

export interface ServiceDatabaseOptions {
  /** The pool's size and the timeouts that turn a stuck request into an error instead of a dead service. */
  config: DatabaseEnv;
  /** The service's own PostgreSQL schema; nothing else writes to it. */
  schema: string;
  entities: Type[];
  /** Listed as classes (not globs) so tsc, swc and jest all find them. */
  migrations: Array<new () => MigrationInterface>;
  /** The service's `<service>.health` subject, answered from here because it is mostly about the database. */
  health: HealthRpc;
}

const startedAt = Date.now();

/** Provides `Database` (the only way the service's code reaches PostgreSQL) to the whole service. */
@Global()
@Module({})
export class DatabaseModule {
  static forService(options: ServiceDatabaseOptions): DynamicModule {
    const service = options.health.subject.split('.')[0];

    @Controller()
    class HealthController {
      constructor(private readonly dataSource: DataSource) {}

      @Handles(options.health)
      async health(): Promise<HealthReply> {
        const database = await checkDatabase(this.dataSource, options.schema);
        const ok = database.reachable && database.pendingMigrations === 0;
        return {
          service,
          instance: `${hostname()}-${process.pid}`,
          status: ok ? 'ok' : 'degraded',
          database,
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        };
      }
    }

    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url: options.config.DATABASE_URL,
            schema: options.schema,
            entities: options.entities,
            migrations: options.migrations,
            migrationsTableName: MIGRATIONS_TABLE,
            synchronize: false,
            migrationsRun: false,
            extra: {
              max: options.config.DATABASE_POOL_SIZE,
              application_name: `kern-${service}`,
              // pg-pool applies it to waiting for a free pooled connection as well as to connecting.
              connectionTimeoutMillis: options.config.DATABASE_ACQUIRE_TIMEOUT_MS,
              statement_timeout: options.config.DATABASE_STATEMENT_TIMEOUT_MS,
              idle_in_transaction_session_timeout: options.config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
            },
          }),
          dataSourceFactory: (dataSourceOptions) =>
            initializeAndMigrate({
              ...(dataSourceOptions as DataSourceOptions),
              url: options.config.DATABASE_URL,
              schema: options.schema,
            }),
        }),
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: Database,
          useFactory: (dataSource: DataSource) => new Database(dataSource),
          inject: [getDataSourceToken()],
        },
      ],
      exports: [Database],
    };
  }
}
