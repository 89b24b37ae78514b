import type { NotificationReply, Principal } from '@kern/contracts';
import { unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { parseTimeCursor } from '../common/time-cursor';
import { toNotificationReply } from './notifications.mapper';
import { NotificationsRepository } from './notifications.repository';
import { stillReadable } from './still-readable';

/** The inbox, newest first, with the count of unread notifications the recipient may still see. */
@Injectable()
export class ListNotificationsUseCase {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly spaces: SpaceAccessClient,
  ) {}

  async execute(
    query: { unreadOnly?: boolean; first: number; after?: string },
    principal: Principal,
  ): Promise<{ notifications: NotificationReply[]; hasNextPage: boolean; unreadCount: number }> {
    if (principal.kind === 'ANONYMOUS') throw unauthenticated();
    const page = await this.notifications.list(principal.userId, {
      unreadOnly: query.unreadOnly ?? false,
      first: query.first + 1,
      after: query.after ? parseTimeCursor(query.after) : undefined,
    });
    const shown = await stillReadable(page.slice(0, query.first), principal, this.spaces);
    const unread = await stillReadable(await this.notifications.unread(principal.userId), principal, this.spaces);
    return {
      notifications: shown.map(toNotificationReply),
      hasNextPage: page.length > query.first,
      unreadCount: unread.length,
    };
  }
}
