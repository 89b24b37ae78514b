import { natsServers } from '@kern/config';
import { threads } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { durableConsumers, EventsModule } from '@kern/events';
import { ServiceClientModule } from '@kern/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { threadsConfigModule, type ThreadsConfig } from './config/threads.config';
import { migrations } from './database/migrations';
import { FollowsModule } from './follows/follows.module';
import { InsightsController } from './insights/insights.controller';
import { InsightsRepository } from './insights/insights.repository';
import { InsightsUseCase } from './insights/insights.use-case';
import { LeakGuardModule } from './leak-guard/leak-guard.module';
import { LinksModule } from './links/links.module';
import { ModerationModule } from './moderation/moderation.module';
import { DeliveryAudience } from './notifications/delivery-audience';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsUseCase } from './notifications/notifications.use-case';
import {
  NotifyAnswerAccepted,
  NotifyPostModerated,
  NotifyPostPublished,
  NotifyQuestionRouted,
} from './notifications/notify.handlers';
import { RecipientsRepository } from './notifications/recipients.repository';
import { SpaceLanguageChanged } from './search/space-language.handler';
import { PostsModule } from './posts/posts.module';
import { SearchController } from './search/search.controller';
import { SearchRepository } from './search/search.repository';
import { SearchUseCase } from './search/search.use-case';
import { ThreadsModule } from './threads/threads.module';

@Module({})
export class AppModule {
  static forRoot(config: ThreadsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        threadsConfigModule(config),
        DatabaseModule.forService({
          config,
          schema: 'threads',
          entities: [],
          migrations,
          health: threads.health,
        }),
        ServiceClientModule.forRoot({
          servers: natsServers(config.NATS_URL),
          timeoutMs: config.SERVICE_TIMEOUT_MS,
          name: `threads-${process.pid}`,
        }),
        EventsModule.forService({ schema: 'threads', servers: natsServers(config.NATS_URL), name: 'threads', config }),
        AccessModule,
        FollowsModule,
        LeakGuardModule,
        ModerationModule,
        ThreadsModule,
        LinksModule,
        PostsModule,
      ],
      controllers: [SearchController, NotificationsController, InsightsController],
      providers: [
        InsightsRepository,
        InsightsUseCase,
        NotificationsRepository,
        NotificationsUseCase,
        RecipientsRepository,
        DeliveryAudience,
        NotifyPostPublished,
        NotifyAnswerAccepted,
        NotifyPostModerated,
        NotifyQuestionRouted,
        SpaceLanguageChanged,
        durableConsumers([
          NotifyPostPublished,
          NotifyAnswerAccepted,
          NotifyPostModerated,
          NotifyQuestionRouted,
          SpaceLanguageChanged,
        ]),
        SearchRepository,
        SearchUseCase,
      ],
    };
  }
}
