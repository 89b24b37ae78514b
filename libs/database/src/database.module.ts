import type { HealthReply, HealthRpc } from '@kern/contracts';
import { Handles } from '@kern/messaging';
import { Controller, Module, type DynamicModule, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { checkDatabase } from './database-health';
import { initializeAndMigrate, MIGRATIONS_TABLE } from './migrate';

export interface ServiceDatabaseOptions {
  url: string;
  poolSize: number;
  /** The service's own PostgreSQL schema; nothing else writes to it. */
  schema: string;
  entities: Type[];
  /** Listed as classes (not globs) so tsc, swc and jest all find them. */
  migrations: Array<new () => MigrationInterface>;
  /** The service's `<service>.health` subject, answered from here because it is mostly about the database. */
  health: HealthRpc;
}

const startedAt = Date.now();

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
            url: options.url,
            schema: options.schema,
            entities: options.entities,
            migrations: options.migrations,
            migrationsTableName: MIGRATIONS_TABLE,
            synchronize: false,
            migrationsRun: false,
            extra: { max: options.poolSize, application_name: `kern-${service}` },
          }),
          dataSourceFactory: (dataSourceOptions) =>
            initializeAndMigrate({ ...(dataSourceOptions as DataSourceOptions), url: options.url, schema: options.schema }),
        }),
      ],
      controllers: [HealthController],
    };
  }
}
