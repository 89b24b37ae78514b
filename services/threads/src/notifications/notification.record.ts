import type { NotificationKind, PostVisibility } from '@kern/contracts';

/** A notification with where it points now: the space its thread is in today, and its post's visibility. */
export interface NotificationRecord {
  id: string;
  kind: NotificationKind;
  spaceId: string | null;
  threadId: string | null;
  postId: string | null;
  actorId: string | null;
  count: number;
  createdAt: Date;
  readAt: Date | null;
  postVisibility: PostVisibility | null;
}
