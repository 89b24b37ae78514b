import { Module } from '@nestjs/common';
import { CountUsersUseCase } from './count-users.use-case';
import { GetUserStandingsUseCase } from './get-user-standings.use-case';
import { GetUserUseCase } from './get-user.use-case';
import { GetUsersUseCase } from './get-users.use-case';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';

/** Who the accounts are. Changing them is other aggregates' business (registration, admin, email-verification). */
@Module({
  controllers: [UsersController],
  providers: [UsersRepository, GetUserUseCase, GetUsersUseCase, GetUserStandingsUseCase, CountUsersUseCase],
  exports: [UsersRepository],
})
export class UsersModule {}
