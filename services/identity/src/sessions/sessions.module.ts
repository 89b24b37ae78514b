import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SigningKeysModule } from '../signing-keys/signing-keys.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersModule } from '../users/users.module';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionIssuer } from './session-issuer';
import { SessionsController } from './sessions.controller';

@Module({
  imports: [UsersModule, SigningKeysModule, PasswordsModule, ThrottlingModule, AuditModule],
  controllers: [SessionsController],
  providers: [RefreshTokensRepository, SessionIssuer, LoginUseCase, RefreshSessionUseCase, LogoutUseCase],
  exports: [SessionIssuer, RefreshTokensRepository],
})
export class SessionsModule {}
