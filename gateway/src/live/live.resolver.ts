import { threads, type NotificationReply, type PostReply } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../auth/request-context';
import { idOf } from '../common/global-id';
import { NotificationModel } from '../notifications/notification.model';
import { PostModel } from '../threads/post.model';
import { LiveFeeds } from './live-feeds';
import type { LiveViewer } from './live-viewer';

/**
 * Live updates over WebSocket (graphql-ws). Every event is checked for the subscriber the way a query
 * would be (see LiveFeeds), and the token is checked again first, so an expired or revoked token
 * ends the subscription.
 */
@Resolver()
export class LiveResolver {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly feeds: LiveFeeds,
  ) {}

  @Subscription(() => PostModel, {
    description: 'New posts the subscriber may see.',
    resolve: (post: PostReply) => PostModel.from(post),
  })
  async postAdded(@Args('threadId', { type: () => ID }) threadId: string, @Context() context: RequestContext) {
    const id = idOf('Thread', threadId);
    // Before any event: a thread the subscriber may not read is NOT_FOUND, like a query.
    await this.client.call(threads.getThread, { id }, context.principal);
    return this.feeds.posts.subscribe(viewerOf(context), (post) => post.threadId === id);
  }

  @Subscription(() => NotificationModel, {
    description: "The subscriber's new (or newly counted) notifications.",
    resolve: (notification: NotificationReply) => NotificationModel.from(notification),
  })
  notificationAdded(@Context() context: RequestContext) {
    const { principal } = context;
    if (principal.kind === 'ANONYMOUS') return (async function* nothing() {})();
    return this.feeds.notifications.subscribe(viewerOf(context), (delivered) =>
      delivered.recipientIds.includes(principal.userId),
    );
  }
}

/** Without a WebSocket's viewer, the context's principal stays, shared with no other subscription. */
function viewerOf(context: RequestContext): LiveViewer {
  return (
    context.viewer ?? { credentialKey: `context:${randomUUID()}`, revalidate: () => Promise.resolve(context.principal) }
  );
}
