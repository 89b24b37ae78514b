import { Module } from '@nestjs/common';
import { AccessRevocationsModule } from '../access-revocations/access-revocations.module';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersModule } from '../users/users.module';
import { ConfirmEmailUseCase } from './confirm-email.use-case';
import { EmailVerificationController } from './email-verification.controller';
import { EmailVerificationsRepository } from './email-verifications.repository';
import { RegistrationMail } from './registration-mail';
import { ResendVerificationUseCase } from './resend-verification.use-case';
import { VerificationMail } from './verification-mail';

@Module({
  imports: [UsersModule, AccessRevocationsModule, AuditModule, MailModule, ThrottlingModule],
  controllers: [EmailVerificationController],
  providers: [
    EmailVerificationsRepository,
    VerificationMail,
    RegistrationMail,
    ConfirmEmailUseCase,
    ResendVerificationUseCase,
  ],
  exports: [RegistrationMail, EmailVerificationsRepository],
})
export class EmailVerificationModule {}
