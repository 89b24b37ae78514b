import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { AcceptAnswerUseCase } from './accept-answer.use-case';
import { GetThreadUseCase } from './get-thread.use-case';
import { GetThreadsUseCase } from './get-threads.use-case';
import { ListOpenQuestionTopicsUseCase } from './list-open-question-topics.use-case';
import { ListOpenQuestionsUseCase } from './list-open-questions.use-case';
import { ListThreadsUseCase } from './list-threads.use-case';
import { LockThreadUseCase } from './lock-thread.use-case';
import { StartThreadUseCase } from './start-thread.use-case';

@Controller()
export class ThreadsController {
  constructor(
    private readonly startThread: StartThreadUseCase,
    private readonly getThread: GetThreadUseCase,
    private readonly getThreads: GetThreadsUseCase,
    private readonly listThreads: ListThreadsUseCase,
    private readonly lockThread: LockThreadUseCase,
    private readonly acceptAnswer: AcceptAnswerUseCase,
    private readonly openQuestions: ListOpenQuestionsUseCase,
    private readonly openQuestionTopics: ListOpenQuestionTopicsUseCase,
  ) {}

  @Handles(threads.startThread)
  start(@Envelope(threads.startThread) request: Request<typeof threads.startThread>) {
    return this.startThread.execute(request.payload, request.principal);
  }

  @Handles(threads.getThread)
  get(@Envelope(threads.getThread) request: Request<typeof threads.getThread>) {
    return this.getThread.execute(request.payload.id, request.principal);
  }

  @Handles(threads.getThreads)
  async getMany(@Envelope(threads.getThreads) request: Request<typeof threads.getThreads>) {
    return { threads: await this.getThreads.execute(request.payload.ids, request.principal) };
  }

  @Handles(threads.listThreads)
  list(@Envelope(threads.listThreads) request: Request<typeof threads.listThreads>) {
    return this.listThreads.execute(request.payload, request.principal);
  }

  @Handles(threads.lockThread)
  lock(@Envelope(threads.lockThread) request: Request<typeof threads.lockThread>) {
    return this.lockThread.execute(request.payload, request.principal);
  }

  @Handles(threads.acceptAnswer)
  accept(@Envelope(threads.acceptAnswer) request: Request<typeof threads.acceptAnswer>) {
    return this.acceptAnswer.execute(request.payload.postId, request.principal);
  }

  @Handles(threads.openQuestions)
  listOpenQuestions(@Envelope(threads.openQuestions) request: Request<typeof threads.openQuestions>) {
    return this.openQuestions.execute(request.payload, request.principal);
  }

  @Handles(threads.openQuestionTopics)
  async listOpenQuestionTopics(
    @Envelope(threads.openQuestionTopics) request: Request<typeof threads.openQuestionTopics>,
  ) {
    return { topics: await this.openQuestionTopics.execute(request.principal) };
  }
}
