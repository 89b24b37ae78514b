import { identity } from '@kern/contracts';
import { DatabaseModule } from '@kern/database';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BootstrapAdmin } from './admin/bootstrap-admin';
import { identityConfigModule, type IdentityConfig } from './config/identity.config';
import { migrations } from './database/migrations';
import { PasswordHasher } from './passwords/password-hasher';
import { LoginUseCase } from './sessions/login.use-case';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { RefreshTokensRepository } from './sessions/refresh-tokens.repository';
import { SessionIssuer } from './sessions/session-issuer';
import { SessionsController } from './sessions/sessions.controller';
import { SigningKeyEntity } from './signing-keys/signing-key.entity';
import { SigningKeysController } from './signing-keys/signing-keys.controller';
import { SigningKeysRepository } from './signing-keys/signing-keys.repository';
import { TokenSigner } from './signing-keys/token-signer';
import { GetUserUseCase } from './users/get-user.use-case';
import { RegisterUserUseCase } from './users/register-user.use-case';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';

const entities = [UserEntity, RefreshTokenEntity, SigningKeyEntity];

@Module({})
export class AppModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        identityConfigModule(config),
        DatabaseModule.forService({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          schema: 'identity',
          entities,
          migrations,
          health: identity.health,
        }),
        TypeOrmModule.forFeature(entities),
      ],
      controllers: [UsersController, SessionsController, SigningKeysController],
      providers: [
        UsersRepository,
        RefreshTokensRepository,
        SigningKeysRepository,
        PasswordHasher,
        TokenSigner,
        SessionIssuer,
        RegisterUserUseCase,
        GetUserUseCase,
        LoginUseCase,
        BootstrapAdmin,
      ],
    };
  }
}
