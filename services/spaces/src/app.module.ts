import { spaces } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { Module, type DynamicModule } from '@nestjs/common';
import type { SpacesConfig } from './config/spaces.config';
import { migrations } from './database/migrations';

@Module({})
export class AppModule {
  static forRoot(config: SpacesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forService({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          schema: 'spaces',
          entities: [],
          migrations,
          health: spaces.health,
        }),
      ],
    };
  }
}
