import type { NotificationReply, Principal } from '@kern/contracts';
import { unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { parseTimeCursor } from '../common/time-cursor';
import { type InboxRow, NotificationsRepository, toNotificationReply } from './notifications.repository';

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

  private async stillReadable(rows: InboxRow[], principal: Principal): Promise<InboxRow[]> {
    const spaceIds = rows.map((row) => row.space_id).filter((id): id is string => id !== null);
    const access = await this.spaces.forSpaces(spaceIds, principal);
    return rows.filter(
      (row) =>
        (row.space_id === null || access.get(row.space_id)?.read) &&
        (row.post_visibility !== 'INTERNAL' || principal.kind === 'EMPLOYEE'),
    );
  }
}
