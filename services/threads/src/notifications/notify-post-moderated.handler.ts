import { threadsEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { NotificationsRepository } from './notifications.repository';

/** Authors hear what moderators did to their posts, and why (they may still read their own post). */
@Injectable()
export class NotifyPostModeratedHandler implements DurableHandler<typeof threadsEvents.postModerated> {
  readonly consumer = 'threads-notify-post-moderated';
  readonly event = threadsEvents.postModerated;

  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(moderation: z.output<typeof threadsEvents.postModerated.payload>): Promise<void> {
    if (moderation.authorId === moderation.moderatorId) return;
    await this.notifications.deliver([moderation.authorId], {
      kind: 'MODERATION',
      spaceId: moderation.spaceId,
      threadId: moderation.threadId,
      postId: moderation.postId,
      actorId: moderation.moderatorId,
    });
  }
}
