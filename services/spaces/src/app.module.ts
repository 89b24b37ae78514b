import { natsServers } from '@kern/config';
import { spaces } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { durableConsumers, EventsModule } from '@kern/events';
import { ServiceClientModule } from '@kern/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessController } from './access/access.controller';
import type { SpacesConfig } from './config/spaces.config';
import { migrations } from './database/migrations';
import { AdmitInviteeHandler } from './memberships/admit-invitee.handler';
import { JoinSpaceUseCase } from './memberships/join-space.use-case';
import { ListMembersUseCase } from './memberships/list-members.use-case';
import { ManageMembersUseCase } from './memberships/manage-members.use-case';
import { MemberKinds } from './memberships/member-kinds';
import { MembershipsController } from './memberships/memberships.controller';
import { MembershipsRepository } from './memberships/memberships.repository';
import { CreateSpaceUseCase } from './spaces/create-space.use-case';
import { FindSpacesUseCase } from './spaces/find-spaces.use-case';
import { SpacesController } from './spaces/spaces.controller';
import { SpacesRepository } from './spaces/spaces.repository';
import { TopicDirectory } from './spaces/topic-directory';
import { UpdateSpaceUseCase } from './spaces/update-space.use-case';

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
      ],
      controllers: [SpacesController, MembershipsController, AccessController],
      providers: [
        SpacesRepository,
        MembershipsRepository,
        TopicDirectory,
        MemberKinds,
        CreateSpaceUseCase,
        UpdateSpaceUseCase,
        FindSpacesUseCase,
        JoinSpaceUseCase,
        ManageMembersUseCase,
        ListMembersUseCase,
        AdmitInviteeHandler,
        durableConsumers([AdmitInviteeHandler]),
      ],
    };
  }
}
