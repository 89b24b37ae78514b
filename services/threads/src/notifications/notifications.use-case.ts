import type { NotificationReply, Principal } from '@kern/contracts';
import { unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { parseTimeCursor } from '../common/time-cursor';
import type { NotificationRecord } from './notification.record';
import { toNotificationReply } from './notifications.mapper';
import { NotificationsRepository } from './notifications.repository';

/**
 * The inbox. What it shows is checked again when it is read: someone removed from a space, or no
 * longer an employee, stops seeing its notifications at once, and so do customers when a thread
 * moves into an INTERNAL space (the thread's space now counts); they leave the unread count too.
 */
@Injectable()
export class NotificationsUseCase {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly spaces: SpaceAccessClient,
  ) {}

  async list(query: { unreadOnly?: boolean; first: number; after?: string }, principal: Principal) {
    if (principal.kind === 'ANONYMOUS') throw unauthenticated();
    const rows = await this.notifications.list(principal.userId, {
      unreadOnly: query.unreadOnly ?? false,
      first: query.first + 1,
      after: query.after ? parseTimeCursor(query.after) : undefined,
    });
    const shown = await this.stillReadable(rows.slice(0, query.first), principal);
    const unread = await this.stillReadable(await this.notifications.unread(principal.userId), principal);
    return {
      notifications: shown.map(toNotificationReply) satisfies NotificationReply[],
      hasNextPage: rows.length > query.first,
      unreadCount: unread.length,
    };
  }

  /** The count answered is of notifications the recipient may still see: it must not tell of hidden ones. */
  async markRead(ids: string[] | undefined, principal: Principal): Promise<number> {
    if (principal.kind === 'ANONYMOUS') throw unauthenticated();
    const wanted = ids ? new Set(ids) : null;
    const readable = await this.stillReadable(
      (await this.notifications.unread(principal.userId)).filter((row) => !wanted || wanted.has(row.id)),
      principal,
    );
    // All of them, as asked ("mark all read" leaves nothing unread), hidden ones included.
    await this.notifications.markRead(principal.userId, ids);
    return readable.length;
  }

  private async stillReadable(rows: NotificationRecord[], principal: Principal): Promise<NotificationRecord[]> {
    const spaceIds = rows.map((row) => row.spaceId).filter((id): id is string => id !== null);
    const access = await this.spaces.forSpaces(spaceIds, principal);
    return rows.filter(
      (row) =>
        (row.spaceId === null || access.get(row.spaceId)?.read) &&
        (row.postVisibility !== 'INTERNAL' || principal.kind === 'EMPLOYEE'),
    );
  }
}
