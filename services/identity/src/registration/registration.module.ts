import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EmailVerificationModule } from '../email-verification/email-verification.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersModule } from '../users/users.module';
import { RegisterUserUseCase } from './register-user.use-case';
import { RegistrationController } from './registration.controller';

@Module({
  imports: [
    UsersModule,
    InvitationsModule,
    PasswordsModule,
    SessionsModule,
    ThrottlingModule,
    EmailVerificationModule,
    AuditModule,
  ],
  controllers: [RegistrationController],
  providers: [RegisterUserUseCase],
})
export class RegistrationModule {}
