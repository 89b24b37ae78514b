import type { ModerationEntryReply, Principal } from '@kern/contracts';
import { forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { ModerationRepository } from './moderation.repository';

/** Every moderation action on a post, oldest first: for its space's moderators. */
@Injectable()
export class GetModerationHistoryUseCase {
  constructor(
    private readonly finder: ThreadFinder,
    private readonly moderation: ModerationRepository,
  ) {}

  async execute(postId: string, principal: Principal): Promise<ModerationEntryReply[]> {
    const { post, reader } = await this.finder.post(postId, principal);
    if (!reader.moderator) throw forbidden("Only the space's moderators see a post's moderation history");
    return (await this.moderation.history(post.id)).map((entry) => ({ ...entry, at: entry.at.toISOString() }));
  }
}
