import { notifications, threads, threadsEvents, type NotificationReply, type PostReply } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { z } from 'zod';
import { LiveEvents } from './live-events';
import { LiveFeed } from './live-feed';

type PostPublished = z.output<typeof threadsEvents.postPublished.payload>;
type NotificationsDelivered = z.output<typeof threadsEvents.notificationsDelivered.payload>;

/**
 * The live events subscriptions are made of, each made visible to a subscriber the way a query
 * would: fetched with the subscriber's principal, so the services' boundary applies unchanged.
 */
@Injectable()
export class LiveFeeds implements OnModuleInit, OnApplicationShutdown {
  /** A new post, as the viewer may see it (null: they may not). */
  readonly posts = new LiveFeed<PostPublished, PostReply>(async (post, principal) => {
    const { posts } = await this.client.call(threads.getPosts, { ids: [post.postId] }, principal);
    return posts[0] ?? null;
  });

  /** The viewer's newest unread notification, after a delivery that names them. */
  readonly notifications = new LiveFeed<NotificationsDelivered, NotificationReply>(async (_delivered, principal) => {
    const { notifications: newest } = await this.client.call(
      notifications.list,
      { first: 1, unreadOnly: true },
      principal,
    );
    return newest[0] ?? null;
  });

  private readonly stops: Array<() => void> = [];

  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly events: LiveEvents,
  ) {}

  onModuleInit() {
    this.stops.push(
      this.events.on(threadsEvents.postPublished, (post) => this.posts.publish(post)),
      this.events.on(threadsEvents.notificationsDelivered, (delivered) => this.notifications.publish(delivered)),
    );
  }

  onApplicationShutdown() {
    for (const stop of this.stops.splice(0)) stop();
  }
}
