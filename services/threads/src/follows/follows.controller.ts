import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { FollowSpaceUseCase } from './follow-space.use-case';
import { FollowThreadUseCase } from './follow-thread.use-case';
import { GetSpaceFollowLevelsUseCase } from './get-space-follow-levels.use-case';
import { MarkThreadReadUseCase } from './mark-thread-read.use-case';

@Controller()
export class FollowsController {
  constructor(
    private readonly followThread: FollowThreadUseCase,
    private readonly followSpace: FollowSpaceUseCase,
    private readonly spaceFollowLevels: GetSpaceFollowLevelsUseCase,
    private readonly markThreadRead: MarkThreadReadUseCase,
  ) {}

  @Handles(threads.followThread)
  followsThread(@Envelope(threads.followThread) request: Request<typeof threads.followThread>) {
    return this.followThread.execute(request.payload, request.principal);
  }

  @Handles(threads.followSpace)
  async followsSpace(@Envelope(threads.followSpace) request: Request<typeof threads.followSpace>) {
    return { level: await this.followSpace.execute(request.payload, request.principal) };
  }

  @Handles(threads.spaceFollowLevels)
  async spaceLevels(@Envelope(threads.spaceFollowLevels) request: Request<typeof threads.spaceFollowLevels>) {
    return { levels: await this.spaceFollowLevels.execute(request.payload.spaceIds, request.principal) };
  }

  @Handles(threads.markThreadRead)
  markRead(@Envelope(threads.markThreadRead) request: Request<typeof threads.markThreadRead>) {
    return this.markThreadRead.execute(request.payload.threadId, request.principal);
  }
}
