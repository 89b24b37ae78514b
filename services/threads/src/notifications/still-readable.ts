import type { Principal } from '@kern/contracts';
import type { SpaceAccessClient } from '../access/space-access.client';
import type { NotificationRecord } from './notification.record';

/**
 * What the inbox shows is checked again when it is read: someone removed from a space, or no
 * longer an employee, stops seeing its notifications at once, and so do customers when a thread
 * moves into an INTERNAL space (the thread's space now counts); they leave the unread count too.
 */
export async function stillReadable(
  notifications: NotificationRecord[],
  principal: Principal,
  spaces: SpaceAccessClient,
): Promise<NotificationRecord[]> {
  const spaceIds = notifications.map((notification) => notification.spaceId).filter((id): id is string => id !== null);
  const access = await spaces.forSpaces(spaceIds, principal);
  return notifications.filter(
    (notification) =>
      (notification.spaceId === null || access.get(notification.spaceId)?.read) &&
      (notification.postVisibility !== 'INTERNAL' || principal.kind === 'EMPLOYEE'),
  );
}
