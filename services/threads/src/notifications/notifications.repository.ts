import { type NotificationKind, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { NotificationRecord } from './notification.record';

export interface NewNotification {
  kind: NotificationKind;
  spaceId: string | null;
  threadId: string | null;
  postId: string | null;
  actorId: string | null;
}

const RECIPIENTS_PER_EVENT = 1000;

const INBOX_COLUMNS = `n.id, n.kind, coalesce(t.space_id, n.space_id) AS "spaceId", n.thread_id AS "threadId", n.post_id AS "postId",
  n.actor_id AS "actorId", n.count, n.created_at AS "createdAt", n.read_at AS "readAt", p.visibility AS "postVisibility"`;
const INBOX_JOINS = `threads.notifications n LEFT JOIN threads.posts p ON p.id = n.post_id LEFT JOIN threads.threads t ON t.id = n.thread_id`;

@Injectable()
export class NotificationsRepository {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
  ) {}

  /**
   * One notification per recipient; a REPLY joins the recipient's unread REPLY of the same thread
   * (counting up, pointing at the latest post) instead of adding another.
   */
  async deliver(recipientIds: string[], notification: NewNotification): Promise<void> {
    if (recipientIds.length === 0) return;
    const batched = notification.kind === 'REPLY';
    await this.db.query(
      `INSERT INTO threads.notifications (id, recipient_id, kind, space_id, thread_id, post_id, actor_id)
       SELECT gen_random_uuid(), r, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS r
       ${
         batched
           ? `ON CONFLICT (recipient_id, thread_id) WHERE read_at IS NULL AND kind = 'REPLY' DO UPDATE SET
         count = threads.notifications.count + 1, post_id = EXCLUDED.post_id, actor_id = EXCLUDED.actor_id,
         created_at = date_trunc('milliseconds', now())`
           : ''
       }`,
      [
        recipientIds,
        notification.kind,
        notification.spaceId,
        notification.threadId,
        notification.postId,
        notification.actorId,
      ],
    );
    // Published with the delivery's commit: online recipients hear of it through their gateway.
    for (let start = 0; start < recipientIds.length; start += RECIPIENTS_PER_EVENT) {
      await this.outbox.add(threadsEvents.notificationsDelivered, {
        recipientIds: recipientIds.slice(start, start + RECIPIENTS_PER_EVENT),
      });
    }
  }

  /**
   * Newest first, with where each one points now (checked again when shown): the visibility of its
   * post, and the space its thread is in today, which is not the one it was delivered from once the
   * thread moved (out of customers' reach, say).
   */
  list(
    recipientId: string,
    query: { unreadOnly: boolean; first: number; after?: { createdAt: string; id: string } },
  ): Promise<NotificationRecord[]> {
    return this.db.query(
      `SELECT ${INBOX_COLUMNS} FROM ${INBOX_JOINS}
       WHERE n.recipient_id = $1 AND (NOT $2::boolean OR n.read_at IS NULL)
         AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
       ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
      [recipientId, query.unreadOnly, query.after?.createdAt ?? null, query.after?.id ?? null, query.first],
    );
  }

  /** Unread ones, with where they point now, for counting what the recipient may still see. */
  unread(recipientId: string): Promise<NotificationRecord[]> {
    return this.db.query(
      `SELECT ${INBOX_COLUMNS} FROM ${INBOX_JOINS} WHERE n.recipient_id = $1 AND n.read_at IS NULL LIMIT 1000`,
      [recipientId],
    );
  }

  async markRead(recipientId: string, ids?: string[]): Promise<number> {
    const [, count] = await this.db.query<[unknown, number]>(
      `UPDATE threads.notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [recipientId, ids ?? null],
    );
    return count;
  }
}
