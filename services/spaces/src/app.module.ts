import { natsServers } from '@kern/config';
import { spaces } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { durableConsumers, EventsModule } from '@kern/events';
import { ServiceClientModule } from '@kern/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import type { SpacesConfig } from './config/spaces.config';
import { migrations } from './database/migrations';
import { AdmitInviteeHandler } from './memberships/admit-invitee.handler';
import { MembershipsModule } from './memberships/memberships.module';
import { SpacesModule } from './spaces/spaces.module';

@Module({})
export class AppModule {
  static forRoot(config: SpacesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forService({
          config,
          schema: 'spaces',
          entities: [],
          migrations,
          health: spaces.health,
        }),
        ServiceClientModule.forRoot({
          servers: natsServers(config.NATS_URL),
          timeoutMs: config.SERVICE_TIMEOUT_MS,
          name: `spaces-${process.pid}`,
        }),
        EventsModule.forService({ schema: 'spaces', servers: natsServers(config.NATS_URL), name: 'spaces', config }),
        SpacesModule,
        MembershipsModule,
        AccessModule,
      ],
      providers: [durableConsumers([AdmitInviteeHandler])],
    };
  }
}
