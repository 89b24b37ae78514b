import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { FollowSpaceUseCase } from './follow-space.use-case';
import { FollowThreadUseCase } from './follow-thread.use-case';
import { FollowsController } from './follows.controller';
import { FollowsRepository } from './follows.repository';
import { GetSpaceFollowLevelsUseCase } from './get-space-follow-levels.use-case';
import { MarkThreadReadUseCase } from './mark-thread-read.use-case';

/** Who follows what how closely, and how far they have read; writing in a thread makes its author watch it. */
@Module({
  imports: [AccessModule],
  controllers: [FollowsController],
  providers: [
    FollowsRepository,
    FollowThreadUseCase,
    FollowSpaceUseCase,
    GetSpaceFollowLevelsUseCase,
    MarkThreadReadUseCase,
  ],
  exports: [FollowsRepository],
})
export class FollowsModule {}
