import { notifications, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { fromCursor, toConnection } from '../common/connection';
import { pageSize } from '../common/connection-args';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { PostModel } from '../threads/post.model';
import { ThreadModel } from '../threads/thread.model';
import { UserModel } from '../users/user.model';
import { NotificationConnectionModel, NotificationModel } from './notification.model';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => NotificationConnectionModel, { description: "The viewer's inbox, newest first." })
  async notifications(
    @Loaders() loaders: RequestLoaders,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const query = definedFields({ unreadOnly, after: fromCursor(after) });
    const page = await loaders.reads.call(notifications.list, { ...query, first: pageSize(first) });
    return {
      ...toConnection(page.notifications.map(NotificationModel.from), (node) => node.cursor, page.hasNextPage),
      unreadCount: page.unreadCount,
    };
  }

  @Mutation(() => Int, {
    description: 'Marks these notifications read, or all of them when no ids are given; answers how many changed.',
  })
  async markNotificationsRead(
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[],
  ) {
    const payload = ids == null ? {} : { ids: ids.map((id) => idOf('Notification', id)) };
    return (await this.client.call(notifications.markRead, payload, principal)).count;
  }

  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() notification: NotificationModel, @Loaders() loaders: RequestLoaders) {
    const user = notification.actorId ? await loaders.users.load(notification.actorId) : null;
    return user ? UserModel.from(user) : null;
  }

  @ResolveField(() => ThreadModel, { nullable: true })
  async thread(@Parent() notification: NotificationModel, @Loaders() loaders: RequestLoaders) {
    const thread = notification.threadId ? await loaders.threads.load(notification.threadId) : null;
    return thread ? ThreadModel.from(thread) : null;
  }

  @ResolveField(() => PostModel, { nullable: true })
  async post(@Parent() notification: NotificationModel, @Loaders() loaders: RequestLoaders) {
    const post = notification.postId ? await loaders.posts.load(notification.postId) : null;
    return post ? PostModel.from(post) : null;
  }
}
