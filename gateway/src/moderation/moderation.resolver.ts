import { threads, type Principal } from '@kern/contracts';
import { DomainError, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { fromCursor, toConnection } from '../common/connection';
import { pageSize } from '../common/connection-args';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import { PostConnectionModel, PostModel } from '../threads/post.model';
import { ModerationEntryModel } from './moderation-entry.model';
import { FlagPostInput, ModeratePostInput } from './moderation.inputs';

@Resolver(() => PostModel)
export class ModerationResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => PostConnectionModel, {
    description: 'Posts waiting for a moderator (held as possible spam, or flagged).',
  })
  async reviewQueue(
    @Loaders() loaders: RequestLoaders,
    @Args('spaceId', { type: () => ID, nullable: true }) spaceId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const query = definedFields({ spaceId: spaceId == null ? null : idOf('Space', spaceId), after: fromCursor(after) });
    const { posts, hasNextPage } = await loaders.reads.call(threads.reviewQueue, { ...query, first: pageSize(first) });
    return toConnection(posts.map(PostModel.from), (post) => post.cursor, hasNextPage);
  }

  @Mutation(() => Boolean, {
    description:
      'Three members with standing (verified, and a day old or with 3 posts) or one moderator flagging a post hide it until a moderator decides; other flags only reach the review queue.',
  })
  async flagPost(@Args('input') input: FlagPostInput, @CurrentPrincipal() principal: Principal) {
    const payload = {
      postId: idOf('Post', input.postId),
      reason: input.reason,
      ...definedFields({ comment: input.comment }),
    };
    return (await this.client.call(threads.flagPost, payload, principal)).flagged;
  }

  @Mutation(() => PostModel, {
    description: 'Space moderators; logged with who, when and why, and the author is notified.',
  })
  async moderatePost(@Args('input') input: ModeratePostInput, @CurrentPrincipal() principal: Principal) {
    const payload = {
      postId: idOf('Post', input.postId),
      action: input.action,
      ...definedFields({ reason: input.reason }),
    };
    return PostModel.from(await this.client.call(threads.moderatePost, payload, principal));
  }

  @ResolveField(() => [ModerationEntryModel], {
    nullable: true,
    description: "Who moderated this post, when and why: for the space's moderators; null for everyone else.",
  })
  async moderationHistory(@Parent() post: PostModel, @CurrentPrincipal() principal: Principal) {
    try {
      const { entries } = await this.client.call(threads.moderationHistory, { postId: post.postId }, principal);
      return entries.map(ModerationEntryModel.from);
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED')) return null;
      throw error;
    }
  }
}
