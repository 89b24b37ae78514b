import type { Principal } from '@kern/contracts';
import { unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { NotificationsRepository } from './notifications.repository';
import { stillReadable } from './still-readable';

/** Marks these notifications (or all) read. */
@Injectable()
export class MarkNotificationsReadUseCase {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly spaces: SpaceAccessClient,
  ) {}

  /** The count answered is of notifications the recipient may still see: it must not tell of hidden ones. */
  async execute(ids: string[] | undefined, principal: Principal): Promise<number> {
    if (principal.kind === 'ANONYMOUS') throw unauthenticated();
    const wanted = ids ? new Set(ids) : null;
    const unread = await this.notifications.unread(principal.userId);
    const readable = await stillReadable(
      unread.filter((notification) => !wanted || wanted.has(notification.id)),
      principal,
      this.spaces,
    );
    // All of them, as asked ("mark all read" leaves nothing unread), hidden ones included.
    await this.notifications.markRead(principal.userId, ids);
    return readable.length;
  }
}
