import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { FlagPostUseCase } from './flag-post.use-case';
import { GetModerationHistoryUseCase } from './get-moderation-history.use-case';
import { ModeratePostUseCase } from './moderate-post.use-case';
import { ReviewQueueUseCase } from './review-queue.use-case';

@Controller()
export class ModerationController {
  constructor(
    private readonly flagging: FlagPostUseCase,
    private readonly moderating: ModeratePostUseCase,
    private readonly queue: ReviewQueueUseCase,
    private readonly moderationHistory: GetModerationHistoryUseCase,
  ) {}

  @Handles(threads.flagPost)
  async flag(@Envelope(threads.flagPost) request: Request<typeof threads.flagPost>) {
    return { flagged: await this.flagging.execute(request.payload, request.principal) };
  }

  @Handles(threads.moderatePost)
  moderate(@Envelope(threads.moderatePost) request: Request<typeof threads.moderatePost>) {
    return this.moderating.execute(request.payload, request.principal);
  }

  @Handles(threads.reviewQueue)
  reviewQueue(@Envelope(threads.reviewQueue) request: Request<typeof threads.reviewQueue>) {
    return this.queue.execute(request.payload, request.principal);
  }

  @Handles(threads.moderationHistory)
  async history(@Envelope(threads.moderationHistory) request: Request<typeof threads.moderationHistory>) {
    return { entries: await this.moderationHistory.execute(request.payload.postId, request.principal) };
  }
}
