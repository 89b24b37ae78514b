import { notifications, type Principal, threads, threadsEvents } from '@kern/contracts';
import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { ServiceClient } from '@kern/messaging';
import type { RequestContext } from '../auth/request-context';
import { idOf } from '../common/global-id';
import { NotificationModel } from '../notifications/notification.model';
import { PostModel } from '../threads/post.model';
import { LiveEvents } from './live-events';

/**
 * Live updates over WebSocket (graphql-ws). Every event is checked for the subscriber the way a query
 * would be: the post or notification is fetched with the subscriber's principal, so the services'
 * boundary applies unchanged, and the token is checked again first, so an expired or revoked token
 * ends the subscription.
 */
@Resolver()
export class LiveResolver {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly events: LiveEvents,
  ) {}

  @Subscription(() => PostModel, { description: 'New posts the subscriber may see.', resolve: (post: PostModel) => post })
  async postAdded(@Args('threadId', { type: () => ID }) threadId: string, @Context() context: RequestContext) {
    const id = idOf('Thread', threadId);
    // Before any event: a thread the subscriber may not read is NOT_FOUND, like a query.
    await this.client.call(threads.getThread, { id }, context.principal);
    return this.postsOf(id, context);
  }

  private async *postsOf(id: string, context: RequestContext) {
    for await (const post of this.events.listen(threadsEvents.postPublished)) {
      if (post.threadId !== id) continue;
      const principal = await this.stillValid(context);
      if (!principal) return;
      const { posts } = await this.client.call(threads.getPosts, { ids: [post.postId] }, principal);
      if (posts[0]) yield PostModel.from(posts[0]);
    }
  }

  @Subscription(() => NotificationModel, { description: "The subscriber's new (or newly counted) notifications.", resolve: (notification: NotificationModel) => notification })
  async *notificationAdded(@Context() context: RequestContext) {
    if (context.principal.kind === 'ANONYMOUS') return;
    const userId = context.principal.userId;
    for await (const delivered of this.events.listen(threadsEvents.notificationsDelivered)) {
      if (!delivered.recipientIds.includes(userId)) continue;
      const principal = await this.stillValid(context);
      if (!principal) return;
      const { notifications: newest } = await this.client.call(notifications.list, { first: 1, unreadOnly: true }, principal);
      if (newest[0]) yield NotificationModel.from(newest[0]);
    }
  }

  private async stillValid(context: RequestContext): Promise<Principal | null> {
    return context.revalidate ? context.revalidate().catch(() => null) : context.principal;
  }
}
