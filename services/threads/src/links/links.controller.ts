import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { EscalateThreadUseCase } from './escalate-thread.use-case';
import { ListLinkedThreadsUseCase } from './list-linked-threads.use-case';
import { MoveThreadUseCase } from './move-thread.use-case';

@Controller()
export class LinksController {
  constructor(
    private readonly linkedThreads: ListLinkedThreadsUseCase,
    private readonly escalation: EscalateThreadUseCase,
    private readonly moving: MoveThreadUseCase,
  ) {}

  @Handles(threads.linkedThreads)
  async linked(@Envelope(threads.linkedThreads) request: Request<typeof threads.linkedThreads>) {
    return { threads: await this.linkedThreads.execute(request.payload.threadId, request.principal) };
  }

  @Handles(threads.escalateThread)
  escalate(@Envelope(threads.escalateThread) request: Request<typeof threads.escalateThread>) {
    return this.escalation.execute(request.payload, request.principal);
  }

  @Handles(threads.moveThread)
  move(@Envelope(threads.moveThread) request: Request<typeof threads.moveThread>) {
    return this.moving.execute(request.payload, request.principal);
  }
}
