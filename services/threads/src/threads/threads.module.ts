import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { FollowsModule } from '../follows/follows.module';
import { LeakGuardModule } from '../leak-guard/leak-guard.module';
import { ModerationModule } from '../moderation/moderation.module';
import { AcceptAnswerUseCase } from './accept-answer.use-case';
import { GetThreadUseCase } from './get-thread.use-case';
import { GetThreadsUseCase } from './get-threads.use-case';
import { ListOpenQuestionTopicsUseCase } from './list-open-question-topics.use-case';
import { ListOpenQuestionsUseCase } from './list-open-questions.use-case';
import { ListThreadsUseCase } from './list-threads.use-case';
import { LockThreadUseCase } from './lock-thread.use-case';
import { OpenQuestionsRepository } from './open-questions.repository';
import { StartThreadUseCase } from './start-thread.use-case';
import { ThreadWriter } from './thread-writer';
import { ThreadsController } from './threads.controller';

/** Threads: starting, reading and listing them, the accepted answer, locks, and the open questions. */
@Module({
  imports: [AccessModule, FollowsModule, LeakGuardModule, ModerationModule],
  controllers: [ThreadsController],
  providers: [
    OpenQuestionsRepository,
    ThreadWriter,
    StartThreadUseCase,
    GetThreadUseCase,
    GetThreadsUseCase,
    ListThreadsUseCase,
    LockThreadUseCase,
    AcceptAnswerUseCase,
    ListOpenQuestionsUseCase,
    ListOpenQuestionTopicsUseCase,
  ],
  exports: [ThreadWriter, GetThreadsUseCase],
})
export class ThreadsModule {}
