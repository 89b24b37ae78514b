import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { FollowUseCase } from './follow.use-case';

@Controller()
export class FollowsController {
  constructor(private readonly follow: FollowUseCase) {}

  @Handles(threads.followThread)
  followThread(@Envelope(threads.followThread) request: Request<typeof threads.followThread>) {
    return this.follow.followThread(request.payload, request.principal);
  }

  @Handles(threads.followSpace)
  async followSpace(@Envelope(threads.followSpace) request: Request<typeof threads.followSpace>) {
    return { level: await this.follow.followSpace(request.payload, request.principal) };
  }

  @Handles(threads.spaceFollowLevels)
  async spaceLevels(@Envelope(threads.spaceFollowLevels) request: Request<typeof threads.spaceFollowLevels>) {
    return { levels: await this.follow.spaceLevels(request.payload.spaceIds, request.principal) };
  }

  @Handles(threads.markThreadRead)
  markRead(@Envelope(threads.markThreadRead) request: Request<typeof threads.markThreadRead>) {
    return this.follow.markRead(request.payload.threadId, request.principal);
  }
}
