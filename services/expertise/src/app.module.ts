import { natsServers } from '@kern/config';
import { expertise } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { durableConsumers, EventsModule } from '@kern/events';
import { ServiceClientModule } from '@kern/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { ExpertiseConfigModule } from './config/expertise-config.module';
import type { ExpertiseConfig } from './config/expertise.config';
import { migrations } from './database/migrations';
import { evidenceHandlers } from './evidence/evidence.handlers';
import { EvidenceModule } from './evidence/evidence.module';
import { ExpertsModule } from './experts/experts.module';
import { ProfilesModule } from './profiles/profiles.module';
import { AnsweredQuestions, QuestionsToRoute } from './routing/question-routing.handlers';
import { RoutingModule } from './routing/routing.module';
import { SkillsModule } from './skills/skills.module';
import { TopicsModule } from './topics/topics.module';

@Module({})
export class AppModule {
  static forRoot(config: ExpertiseConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ExpertiseConfigModule.forRoot(config),
        DatabaseModule.forService({
          config,
          schema: 'expertise',
          entities: [],
          migrations,
          health: expertise.health,
        }),
        ServiceClientModule.forRoot({
          servers: natsServers(config.NATS_URL),
          timeoutMs: config.SERVICE_TIMEOUT_MS,
          name: `expertise-${process.pid}`,
        }),
        EventsModule.forService({
          schema: 'expertise',
          servers: natsServers(config.NATS_URL),
          name: 'expertise',
          config,
        }),
        TopicsModule,
        EvidenceModule,
        SkillsModule,
        ProfilesModule,
        ExpertsModule,
        RoutingModule,
      ],
      providers: [durableConsumers([...evidenceHandlers, QuestionsToRoute, AnsweredQuestions])],
    };
  }
}
