import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { CreateInvitationUseCase } from './create-invitation.use-case';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';

/** Invitations are redeemed by registering (RegisterUserUseCase). */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [InvitationsController],
  providers: [InvitationsRepository, CreateInvitationUseCase],
  exports: [InvitationsRepository],
})
export class InvitationsModule {}
