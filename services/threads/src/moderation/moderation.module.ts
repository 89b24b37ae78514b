import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { FlagPostUseCase } from './flag-post.use-case';
import { GetModerationHistoryUseCase } from './get-moderation-history.use-case';
import { ModeratePostUseCase } from './moderate-post.use-case';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { PostingPolicy, SPAM_CLASSIFIER } from './posting-policy';
import { ReviewQueueUseCase } from './review-queue.use-case';

/**
 * Flags, moderators' decisions and the review queue, and the posting policy (write rate, new-account
 * limits, spam check) that every use case which writes a post or a flag asks first.
 */
@Module({
  imports: [AccessModule],
  controllers: [ModerationController],
  providers: [
    // No external spam classifier by default: provide one here (see spam-check.ts).
    { provide: SPAM_CLASSIFIER, useValue: null },
    ModerationRepository,
    PostingPolicy,
    FlagPostUseCase,
    ModeratePostUseCase,
    GetModerationHistoryUseCase,
    ReviewQueueUseCase,
  ],
  exports: [PostingPolicy, ModerationRepository],
})
export class ModerationModule {}
