import { natsServers } from '@kern/config';
import { identity } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { EventsModule } from '@kern/events';
import { ServiceClientModule } from '@kern/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessRevocations } from './access-revocations/access-revocations';
import { AccessRevocationsController } from './access-revocations/access-revocations.controller';
import { ListAccessRevocationsUseCase } from './access-revocations/list-access-revocations.use-case';
import { AdminUsersController } from './admin/admin-users.controller';
import { BootstrapAdmin } from './admin/bootstrap-admin';
import { ChangeRoleUseCase } from './admin/change-role.use-case';
import { SetSuspensionUseCase } from './admin/set-suspension.use-case';
import { SetUserKindUseCase } from './admin/set-user-kind.use-case';
import { ApiTokensController } from './api-tokens/api-tokens.controller';
import { ApiTokensRepository } from './api-tokens/api-tokens.repository';
import { AuthenticateApiTokenUseCase } from './api-tokens/authenticate-api-token.use-case';
import { CreateApiTokenUseCase } from './api-tokens/create-api-token.use-case';
import { ListApiTokensUseCase } from './api-tokens/list-api-tokens.use-case';
import { RevokeApiTokenUseCase } from './api-tokens/revoke-api-token.use-case';
import { AuditController } from './audit/audit.controller';
import { AuditLogRepository } from './audit/audit-log.repository';
import { ListAuditEventsUseCase } from './audit/list-audit-events.use-case';
import { identityConfigModule, type IdentityConfig } from './config/identity.config';
import { migrations } from './database/migrations';
import { ConfirmEmailUseCase } from './email-verification/confirm-email.use-case';
import { EmailVerificationController } from './email-verification/email-verification.controller';
import { EmailVerificationsRepository } from './email-verification/email-verifications.repository';
import { RegistrationMail } from './email-verification/registration-mail';
import { ResendVerificationUseCase } from './email-verification/resend-verification.use-case';
import { VerificationMail } from './email-verification/verification-mail';
import { CreateInvitationUseCase } from './invitations/create-invitation.use-case';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsRepository } from './invitations/invitations.repository';
import { mailerProvider } from './mail/mailer.provider';
import { PasswordHasher } from './passwords/password-hasher';
import { LoginUseCase } from './sessions/login.use-case';
import { LogoutUseCase } from './sessions/logout.use-case';
import { RefreshSessionUseCase } from './sessions/refresh-session.use-case';
import { RefreshTokensRepository } from './sessions/refresh-tokens.repository';
import { SessionIssuer } from './sessions/session-issuer';
import { SessionsController } from './sessions/sessions.controller';
import { SigningKeyEntity } from './signing-keys/signing-key.entity';
import { SigningKeysController } from './signing-keys/signing-keys.controller';
import { ListSigningKeysUseCase } from './signing-keys/list-signing-keys.use-case';
import { RotateSigningKeyUseCase } from './signing-keys/rotate-signing-key.use-case';
import { SigningKeysRepository } from './signing-keys/signing-keys.repository';
import { TokenSigner } from './signing-keys/token-signer';
import { AuthAttemptsRepository } from './throttling/auth-attempts.repository';
import { RateLimits } from './throttling/rate-limits';
import { Throttle } from './throttling/throttle';
import { RegisterUserUseCase } from './registration/register-user.use-case';
import { RegistrationController } from './registration/registration.controller';
import { UserEntity } from './users/user.entity';
import { UsersModule } from './users/users.module';

const entities = [UserEntity, SigningKeyEntity];

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
          entities,
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
        UsersModule,
      ],
      controllers: [
        RegistrationController,
        SessionsController,
        SigningKeysController,
        EmailVerificationController,
        InvitationsController,
        ApiTokensController,
        AdminUsersController,
        AccessRevocationsController,
        AuditController,
      ],
      providers: [
        mailerProvider(config),
        RefreshTokensRepository,
        SigningKeysRepository,
        EmailVerificationsRepository,
        InvitationsRepository,
        ApiTokensRepository,
        AuthAttemptsRepository,
        AuditLogRepository,
        PasswordHasher,
        TokenSigner,
        SessionIssuer,
        RateLimits,
        Throttle,
        AccessRevocations,
        VerificationMail,
        RegistrationMail,
        RegisterUserUseCase,
        LoginUseCase,
        RefreshSessionUseCase,
        LogoutUseCase,
        ConfirmEmailUseCase,
        ResendVerificationUseCase,
        CreateInvitationUseCase,
        CreateApiTokenUseCase,
        AuthenticateApiTokenUseCase,
        ListApiTokensUseCase,
        RevokeApiTokenUseCase,
        ListAccessRevocationsUseCase,
        ListSigningKeysUseCase,
        RotateSigningKeyUseCase,
        SetUserKindUseCase,
        ChangeRoleUseCase,
        SetSuspensionUseCase,
        ListAuditEventsUseCase,
        BootstrapAdmin,
      ],
    };
  }
}
