import { threads, type Principal } from '@kern/contracts';
import { DomainError, notFound, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { loadUser } from '../users/user.loader';
import { UserModel } from '../users/user.model';
import { PostEditModel, PostModel } from './post.model';
import { EditPostInput, ReplyInput } from './thread.inputs';
import { ThreadModel } from './thread.model';

@Resolver(() => PostModel)
export class PostsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => PostModel)
  async reply(@Args('input') input: ReplyInput, @CurrentPrincipal() principal: Principal) {
    const { threadId, replyToPostId, visibility, body, confirmPublic } = input;
    const payload = {
      threadId: idOf('Thread', threadId),
      body,
      ...definedFields({
        visibility,
        confirmPublic,
        replyToPostId: replyToPostId == null ? null : idOf('Post', replyToPostId),
      }),
    };
    return PostModel.from(await this.client.call(threads.reply, payload, principal));
  }

  @Mutation(() => PostModel, {
    description:
      'The author or a moderator; every earlier version is kept (`editHistory`). New text passes the same checks as a new post: an edit the spam check holds makes the post PENDING_REVIEW.',
  })
  async editPost(@Args('input') input: EditPostInput, @CurrentPrincipal() principal: Principal) {
    const payload = {
      postId: idOf('Post', input.postId),
      body: input.body,
      ...definedFields({ confirmPublic: input.confirmPublic }),
    };
    return PostModel.from(await this.client.call(threads.editPost, payload, principal));
  }

  @Mutation(() => PostModel, {
    description: 'The author deletes their own post: it shows as deleted; moderators keep its text for 30 days.',
  })
  async deletePost(@Args('postId', { type: () => ID }) postId: string, @CurrentPrincipal() principal: Principal) {
    return PostModel.from(await this.client.call(threads.deletePost, { postId: idOf('Post', postId) }, principal));
  }

  @Mutation(() => PostModel, {
    description: 'Once per reader and post (not on your own); `helpful: false` takes it back.',
  })
  async markHelpful(
    @Args('postId', { type: () => ID }) postId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('helpful', { type: () => Boolean, nullable: true, defaultValue: true }) helpful: boolean,
  ) {
    return PostModel.from(
      await this.client.call(threads.markHelpful, { postId: idOf('Post', postId), helpful }, principal),
    );
  }

  @ResolveField(() => ThreadModel)
  async thread(@Parent() post: PostModel, @Loaders() loaders: RequestLoaders) {
    const thread = await loaders.threads.load(post.threadId);
    if (!thread) throw notFound('Thread');
    return ThreadModel.from(thread);
  }

  @ResolveField(() => UserModel)
  async author(@Parent() post: PostModel, @Loaders() loaders: RequestLoaders) {
    return loadUser(loaders, post.authorId);
  }

  @ResolveField(() => PostModel, {
    nullable: true,
    description: 'The post this one answers, when the viewer may see it.',
  })
  async replyTo(@Parent() post: PostModel, @Loaders() loaders: RequestLoaders) {
    if (!post.replyToPostId) return null;
    const target = await loaders.posts.load(post.replyToPostId);
    return target ? PostModel.from(target) : null;
  }

  @ResolveField(() => [PostEditModel], {
    nullable: true,
    description: 'Earlier versions, newest first: for the author and moderators; null for everyone else.',
  })
  async editHistory(@Parent() post: PostModel, @CurrentPrincipal() principal: Principal) {
    try {
      const { edits } = await this.client.call(threads.postHistory, { postId: post.postId }, principal);
      return edits.map(PostEditModel.from);
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED')) return null;
      throw error;
    }
  }
}
