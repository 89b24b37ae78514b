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
import { InsightsModule } from './insights/insights.module';
import { LeakGuardModule } from './leak-guard/leak-guard.module';
import { LinksModule } from './links/links.module';
import { ModerationModule } from './moderation/moderation.module';
import { NotificationsModule } from './notifications/notifications.module';
import { NotifyAnswerAcceptedHandler } from './notifications/notify-answer-accepted.handler';
import { NotifyPostModeratedHandler } from './notifications/notify-post-moderated.handler';
import { NotifyPostPublishedHandler } from './notifications/notify-post-published.handler';
import { NotifyQuestionRoutedHandler } from './notifications/notify-question-routed.handler';
import { PostsModule } from './posts/posts.module';
import { SearchModule } from './search/search.module';
import { SpaceLanguageChangedHandler } from './search/space-language-changed.handler';
import { ThreadsModule } from './threads/threads.module';

/**
 * Composition only. The aggregate modules import what they use from each other, from the bottom up:
 * AccessModule (threads and posts as a reader sees them); FollowsModule, LeakGuardModule and
 * ModerationModule; ThreadsModule and PostsModule, which write with those; LinksModule on top of
 * ThreadsModule. Search, notifications and insights need only AccessModule.
 */
@Module({})
export class AppModule {
  static forRoot(config: ThreadsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        threadsConfigModule(config),
        DatabaseModule.forService({ config, schema: 'threads', entities: [], migrations, health: threads.health }),
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
        PostsModule,
        LinksModule,
        SearchModule,
        NotificationsModule,
        InsightsModule,
      ],
      providers: [
        durableConsumers([
          NotifyPostPublishedHandler,
          NotifyAnswerAcceptedHandler,
          NotifyPostModeratedHandler,
          NotifyQuestionRoutedHandler,
          SpaceLanguageChangedHandler,
        ]),
      ],
    };
  }
}
