import type { FlagReason, Principal } from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { PostsRepository } from '../posts/posts.repository';
import { ThreadsRepository } from '../threads/threads.repository';
import { ModerationRepository } from './moderation.repository';
import { PostingPolicy } from './posting-policy';

/** How many members' flags hide a post until a moderator looks; one moderator's flag is enough. */
export const FLAGS_TO_HIDE = 3;

@Injectable()
export class FlagPostUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly policy: PostingPolicy,
    private readonly moderation: ModerationRepository,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
  ) {}

  async execute(
    input: { postId: string; reason: FlagReason; comment?: string },
    principal: Principal,
  ): Promise<boolean> {
    assertCanWrite(principal);
    const { post, reader } = await this.finder.post(input.postId, principal);
    if (post.authorId === principal.userId) throw badInput('You cannot flag your own post', { field: 'postId' });
    if (post.status === 'DELETED') throw badInput('A deleted post cannot be flagged', { field: 'postId' });
    await this.policy.reserveWrite(principal);
    // A flag without standing is still recorded: moderators see it in the queue.
    const countsTowardHiding = reader.moderator || (await this.policy.flagCountsTowardHiding(principal));
    await this.database.transaction(async () => {
      const now = await this.posts.lockForWrite(post.id);
      const { openFlags } = await this.moderation.flag(post.id, principal.userId, {
        reason: input.reason,
        comment: input.comment ?? null,
        countsTowardHiding,
      });
      if (now?.status === 'VISIBLE' && countsTowardHiding && (reader.moderator || openFlags >= FLAGS_TO_HIDE)) {
        await this.posts.setStatus(post.id, 'HIDDEN');
        await this.moderation.log(
          post.id,
          reader.moderator ? principal.userId : null,
          'HIDE',
          reader.moderator ? `flagged: ${input.reason}` : `flagged by ${openFlags} members`,
        );
        await this.threads.recount(post.threadId);
      }
    });
    return true;
  }
}
