import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ThreadsModule } from '../threads/threads.module';
import { EscalateThreadUseCase } from './escalate-thread.use-case';
import { LinksController } from './links.controller';
import { ListLinkedThreadsUseCase } from './list-linked-threads.use-case';
import { MoveThreadUseCase } from './move-thread.use-case';
import { ThreadLinksRepository } from './thread-links.repository';

/** Threads between spaces: escalations into an internal space (linked both ways), and moves. */
@Module({
  imports: [AccessModule, ThreadsModule],
  controllers: [LinksController],
  providers: [ThreadLinksRepository, ListLinkedThreadsUseCase, EscalateThreadUseCase, MoveThreadUseCase],
})
export class LinksModule {}
