import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { EscalateThreadUseCase } from '../links/escalate-thread.use-case';
import { MoveThreadUseCase } from '../links/move-thread.use-case';
import { FindThreadsUseCase } from './find-threads.use-case';
import { OpenQuestionsUseCase } from './open-questions.use-case';
import { StartThreadUseCase } from './start-thread.use-case';
import { ThreadDecisionsUseCase } from './thread-decisions.use-case';

@Controller()
export class ThreadsController {
  constructor(
    private readonly startThread: StartThreadUseCase,
    private readonly find: FindThreadsUseCase,
    private readonly decisions: ThreadDecisionsUseCase,
    private readonly escalation: EscalateThreadUseCase,
    private readonly moving: MoveThreadUseCase,
    private readonly questions: OpenQuestionsUseCase,
  ) {}

  @Handles(threads.startThread)
  start(@Envelope(threads.startThread) request: Request<typeof threads.startThread>) {
    return this.startThread.execute(request.payload, request.principal);
  }

  @Handles(threads.getThread)
  get(@Envelope(threads.getThread) request: Request<typeof threads.getThread>) {
    return this.find.get(request.payload.id, request.principal);
  }

  @Handles(threads.getThreads)
  async getMany(@Envelope(threads.getThreads) request: Request<typeof threads.getThreads>) {
    return { threads: await this.find.getMany(request.payload.ids, request.principal) };
  }

  @Handles(threads.linkedThreads)
  async linked(@Envelope(threads.linkedThreads) request: Request<typeof threads.linkedThreads>) {
    return { threads: await this.find.linked(request.payload.threadId, request.principal) };
  }

  @Handles(threads.escalateThread)
  escalate(@Envelope(threads.escalateThread) request: Request<typeof threads.escalateThread>) {
    return this.escalation.execute(request.payload, request.principal);
  }

  @Handles(threads.moveThread)
  move(@Envelope(threads.moveThread) request: Request<typeof threads.moveThread>) {
    return this.moving.execute(request.payload, request.principal);
  }

  @Handles(threads.openQuestions)
  openQuestions(@Envelope(threads.openQuestions) request: Request<typeof threads.openQuestions>) {
    return this.questions.list(request.payload, request.principal);
  }

  @Handles(threads.openQuestionTopics)
  async openQuestionTopics(@Envelope(threads.openQuestionTopics) request: Request<typeof threads.openQuestionTopics>) {
    return { topics: await this.questions.topics(request.principal) };
  }

  @Handles(threads.listThreads)
  list(@Envelope(threads.listThreads) request: Request<typeof threads.listThreads>) {
    return this.find.list(request.payload, request.principal);
  }

  @Handles(threads.lockThread)
  lock(@Envelope(threads.lockThread) request: Request<typeof threads.lockThread>) {
    return this.decisions.lock(request.payload, request.principal);
  }

  @Handles(threads.acceptAnswer)
  acceptAnswer(@Envelope(threads.acceptAnswer) request: Request<typeof threads.acceptAnswer>) {
    return this.decisions.acceptAnswer(request.payload.postId, request.principal);
  }
}
