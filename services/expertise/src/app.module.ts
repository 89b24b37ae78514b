import { expertise } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ExpertiseConfig } from './config/expertise.config';
import { migrations } from './database/migrations';
import { SkillsController } from './skills/skills.controller';
import { SkillsRepository } from './skills/skills.repository';
import { CreateTopicUseCase } from './topics/create-topic.use-case';
import { TopicEntity } from './topics/topic.entity';
import { TopicsController } from './topics/topics.controller';
import { TopicsRepository } from './topics/topics.repository';

const entities = [TopicEntity];

@Module({})
export class AppModule {
  static forRoot(config: ExpertiseConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forService({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          schema: 'expertise',
          entities,
          migrations,
          health: expertise.health,
        }),
        TypeOrmModule.forFeature(entities),
      ],
      controllers: [TopicsController, SkillsController],
      providers: [TopicsRepository, CreateTopicUseCase, SkillsRepository],
    };
  }
}
