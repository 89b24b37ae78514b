import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AccessRevocations } from './access-revocations';
import { AccessRevocationsController } from './access-revocations.controller';
import { ListAccessRevocationsUseCase } from './list-access-revocations.use-case';

@Module({
  imports: [UsersModule],
  controllers: [AccessRevocationsController],
  providers: [AccessRevocations, ListAccessRevocationsUseCase],
  exports: [AccessRevocations],
})
export class AccessRevocationsModule {}
