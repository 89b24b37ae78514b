import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthenticateApiTokenUseCase } from './authenticate-api-token.use-case';
import { CreateApiTokenUseCase } from './create-api-token.use-case';
import { ListApiTokensUseCase } from './list-api-tokens.use-case';
import { RevokeApiTokenUseCase } from './revoke-api-token.use-case';

@Module({
  imports: [UsersModule, AuditModule],
  controllers: [ApiTokensController],
  providers: [
    ApiTokensRepository,
    CreateApiTokenUseCase,
    AuthenticateApiTokenUseCase,
    ListApiTokensUseCase,
    RevokeApiTokenUseCase,
  ],
})
export class ApiTokensModule {}
