import { natsServers } from '@kern/config';
import { identity } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { EventsModule } from '@kern/events';
import { ServiceClientModule } from '@kern/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessRevocationsModule } from './access-revocations/access-revocations.module';
import { AdminModule } from './admin/admin.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditModule } from './audit/audit.module';
import { identityConfigModule, type IdentityConfig } from './config/identity.config';
import { migrations } from './database/migrations';
import { EmailVerificationModule } from './email-verification/email-verification.module';
import { InvitationsModule } from './invitations/invitations.module';
import { RegistrationModule } from './registration/registration.module';
import { SessionsModule } from './sessions/sessions.module';
import { SigningKeysModule } from './signing-keys/signing-keys.module';
import { UsersModule } from './users/users.module';

/** The service's aggregates, each a module that exports what the others use. */
export const identityAggregates = [
  UsersModule,
  RegistrationModule,
  SessionsModule,
  EmailVerificationModule,
  InvitationsModule,
  ApiTokensModule,
  SigningKeysModule,
  AccessRevocationsModule,
  AuditModule,
  AdminModule,
];

@Module({})
export class AppModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        identityConfigModule(config),
        DatabaseModule.forService({
          config,
          schema: 'identity',
          entities: [],
          migrations,
          health: identity.health,
        }),
        ServiceClientModule.forRoot({
          servers: natsServers(config.NATS_URL),
          timeoutMs: config.SERVICE_TIMEOUT_MS,
          name: `identity-${process.pid}`,
        }),
        EventsModule.forService({
          schema: 'identity',
          servers: natsServers(config.NATS_URL),
          name: 'identity',
          config,
        }),
        ...identityAggregates,
      ],
    };
  }
}
