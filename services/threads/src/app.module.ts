import { threads } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { Module, type DynamicModule } from '@nestjs/common';
import type { ThreadsConfig } from './config/threads.config';
import { migrations } from './database/migrations';

@Module({})
export class AppModule {
  static forRoot(config: ThreadsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forService({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          schema: 'threads',
          entities: [],
          migrations,
          health: threads.health,
        }),
      ],
    };
  }
}
