import type { NotificationReply } from '@kern/contracts';
import type { NotificationRecord } from './notification.record';

export function toNotificationReply(notification: NotificationRecord): NotificationReply {
  return {
    id: notification.id,
    kind: notification.kind,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
    actorId: notification.actorId,
    threadId: notification.threadId,
    postId: notification.postId,
    count: notification.count,
    cursor: `${notification.createdAt.toISOString()}|${notification.id}`,
  };
}
