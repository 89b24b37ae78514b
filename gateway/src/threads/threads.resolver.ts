import { FollowLevel, SpaceFollowLevel, threads, type Principal } from '@kern/contracts';
import { notFound, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { fromCursor, toConnection } from '../common/connection';
import { pageSize } from '../common/connection-args';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { SpaceModel } from '../spaces/space.model';
import { TopicModel } from '../topics/topic.model';
import { loadUser } from '../users/user.loader';
import { UserModel } from '../users/user.model';
import { PostConnectionModel, PostModel } from './post.model';
import { EscalateThreadInput, StartThreadInput } from './thread.inputs';
import { ThreadConnectionModel, ThreadModel } from './thread.model';

@Resolver(() => ThreadModel)
export class ThreadsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => ThreadModel, { nullable: true })
  async thread(@Args('id', { type: () => ID }) id: string, @Loaders() loaders: RequestLoaders) {
    return ThreadModel.from(await loaders.reads.call(threads.getThread, { id: idOf('Thread', id) }));
  }

  @Mutation(() => ThreadModel, {
    description: 'ANNOUNCEMENT threads (and any thread in an ANNOUNCEMENTS space) are for the space moderators.',
  })
  async startThread(@Args('input') input: StartThreadInput, @CurrentPrincipal() principal: Principal) {
    const { spaceId, topics, confirmPublic, ...rest } = input;
    return ThreadModel.from(
      await this.client.call(
        threads.startThread,
        { ...rest, spaceId: idOf('Space', spaceId), ...definedFields({ topics, confirmPublic }) },
        principal,
      ),
    );
  }

  @Mutation(() => ThreadModel, {
    description: "The question's author or a space moderator; accepting another reply replaces the answer.",
  })
  async acceptAnswer(@Args('postId', { type: () => ID }) postId: string, @CurrentPrincipal() principal: Principal) {
    return ThreadModel.from(await this.client.call(threads.acceptAnswer, { postId: idOf('Post', postId) }, principal));
  }

  @Mutation(() => ThreadModel, {
    description:
      'An employee opens a linked thread in an INTERNAL space, with a note; both threads list each other in `linkedThreads`.',
  })
  async escalateThread(@Args('input') input: EscalateThreadInput, @CurrentPrincipal() principal: Principal) {
    const payload = {
      threadId: idOf('Thread', input.threadId),
      spaceId: idOf('Space', input.spaceId),
      note: input.note,
    };
    return ThreadModel.from(await this.client.call(threads.escalateThread, payload, principal));
  }

  @Mutation(() => ThreadModel, {
    description:
      'Moderators of both spaces. INTERNAL -> EXTERNAL needs confirmPublish (internal notes stay internal); a thread with customer posts never moves into an INTERNAL space.',
  })
  async moveThread(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('confirmPublish', { type: () => Boolean, nullable: true }) confirmPublish?: boolean,
  ) {
    const payload = {
      threadId: idOf('Thread', threadId),
      spaceId: idOf('Space', spaceId),
      ...definedFields({ confirmPublish }),
    };
    return ThreadModel.from(await this.client.call(threads.moveThread, payload, principal));
  }

  @Mutation(() => ThreadModel, {
    description:
      'WATCHING: every reply; TRACKING: counted as unread; NORMAL: mentions and replies to you; MUTED: nothing.',
  })
  async followThread(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('level', { type: () => FollowLevel.enum }) level: FollowLevel,
    @CurrentPrincipal() principal: Principal,
  ) {
    return ThreadModel.from(
      await this.client.call(threads.followThread, { threadId: idOf('Thread', threadId), level }, principal),
    );
  }

  @Mutation(() => ThreadModel, { description: 'Everything in the thread so far counts as read by the viewer.' })
  async markThreadRead(
    @Args('threadId', { type: () => ID }) threadId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return ThreadModel.from(
      await this.client.call(threads.markThreadRead, { threadId: idOf('Thread', threadId) }, principal),
    );
  }

  @Mutation(() => ThreadModel, { description: 'Space moderators: a locked thread takes no more replies.' })
  async lockThread(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('locked') locked: boolean,
    @CurrentPrincipal() principal: Principal,
  ) {
    return ThreadModel.from(
      await this.client.call(threads.lockThread, { threadId: idOf('Thread', threadId), locked }, principal),
    );
  }

  @ResolveField(() => SpaceModel)
  async space(@Parent() thread: ThreadModel, @Loaders() loaders: RequestLoaders) {
    const space = await loaders.spaces.load(thread.spaceId);
    if (!space) throw notFound('Space');
    return SpaceModel.from(space);
  }

  @ResolveField(() => UserModel)
  async author(@Parent() thread: ThreadModel, @Loaders() loaders: RequestLoaders) {
    return loadUser(loaders, thread.authorId);
  }

  @ResolveField(() => [TopicModel])
  async topics(@Parent() thread: ThreadModel, @Loaders() loaders: RequestLoaders) {
    const topics = await Promise.all(thread.topicIds.map((id) => loaders.topics.load(id)));
    return topics.filter((topic) => topic !== null).map(TopicModel.from);
  }

  @ResolveField(() => [ThreadModel], {
    description: 'Threads bridged to this one (an escalation), limited to those the viewer may see.',
  })
  async linkedThreads(@Parent() thread: ThreadModel, @CurrentPrincipal() principal: Principal) {
    const { threads: linked } = await this.client.call(threads.linkedThreads, { threadId: thread.threadId }, principal);
    return linked.map(ThreadModel.from);
  }

  @ResolveField(() => PostModel, { nullable: true })
  async acceptedAnswer(@Parent() thread: ThreadModel, @Loaders() loaders: RequestLoaders) {
    if (!thread.acceptedPostId) return null;
    const post = await loaders.posts.load(thread.acceptedPostId);
    return post ? PostModel.from(post) : null;
  }

  @ResolveField(() => PostConnectionModel, { description: 'Replies in the order they were written.' })
  async posts(
    @Parent() thread: ThreadModel,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const cursor = fromCursor(after);
    const { posts, hasNextPage } = await this.client.call(
      threads.listPosts,
      { threadId: thread.threadId, first: pageSize(first), ...definedFields({ after: cursor }) },
      principal,
    );
    return toConnection(posts.map(PostModel.from), (post) => post.cursor, hasNextPage);
  }
}

registerEnumType(SpaceFollowLevel.enum, {
  name: 'SpaceFollowLevel',
  description:
    'WATCHING: every post in every thread; WATCHING_FIRST_POST: each new thread; NORMAL: mentions and replies to you; MUTED: nothing.',
});

@Resolver(() => SpaceModel)
export class SpaceThreadsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => SpaceFollowLevel.enum, {
    description: "The viewer's level for a space; its threads inherit it unless the viewer chose one for a thread.",
  })
  async followSpace(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('level', { type: () => SpaceFollowLevel.enum }) level: SpaceFollowLevel,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.client.call(threads.followSpace, { spaceId: idOf('Space', spaceId), level }, principal)).level;
  }

  @ResolveField(() => SpaceFollowLevel.enum)
  async viewerFollowLevel(@Parent() space: SpaceModel, @Loaders() loaders: RequestLoaders) {
    return loaders.spaceFollowLevels.load(space.spaceId);
  }

  @ResolveField(() => ThreadConnectionModel, { description: 'Newest first; `topic` includes its sub-topics.' })
  async threads(
    @Parent() space: SpaceModel,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('topic', { type: () => String, nullable: true }) topic?: string,
  ) {
    const query = definedFields({ topic, after: fromCursor(after) });
    const { threads: found, hasNextPage } = await this.client.call(
      threads.listThreads,
      { ...query, spaceId: space.spaceId, first: pageSize(first) },
      principal,
    );
    return toConnection(found.map(ThreadModel.from), (thread) => thread.cursor, hasNextPage);
  }
}
