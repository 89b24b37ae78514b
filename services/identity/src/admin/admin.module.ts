import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AccessRevocationsModule } from '../access-revocations/access-revocations.module';
import { AuditModule } from '../audit/audit.module';
import { EmailVerificationModule } from '../email-verification/email-verification.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AdminUsersController } from './admin-users.controller';
import { BootstrapAdminUseCase } from './bootstrap-admin.use-case';
import { ChangeRoleUseCase } from './change-role.use-case';
import { SetSuspensionUseCase } from './set-suspension.use-case';
import { SetUserKindUseCase } from './set-user-kind.use-case';

/** What platform admins do to accounts, and the first admin, created at start. */
@Module({
  imports: [
    UsersModule,
    SessionsModule,
    EmailVerificationModule,
    AccessRevocationsModule,
    AuditModule,
    PasswordsModule,
  ],
  controllers: [AdminUsersController],
  providers: [SetUserKindUseCase, ChangeRoleUseCase, SetSuspensionUseCase, BootstrapAdminUseCase],
})
export class AdminModule implements OnApplicationBootstrap {
  constructor(private readonly bootstrapAdmin: BootstrapAdminUseCase) {}

  /** After every module is initialised (migrations ran) and before the service takes requests. */
  onApplicationBootstrap(): Promise<void> {
    return this.bootstrapAdmin.execute();
  }
}
