import { hasRole, isAuthenticated, type Principal, type UserReply } from '@kern/contracts';
import type { UserRecord } from './user.record';

/** The reply for `viewer`: the e-mail address only for the user themself and platform admins. */
export function toUserReply(user: UserRecord, viewer: Principal): UserReply {
  const mayReadEmail = (isAuthenticated(viewer) && viewer.userId === user.id) || hasRole(viewer, 'ADMIN');
  return {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    kind: user.kind,
    email: mayReadEmail ? user.email : null,
    createdAt: user.createdAt.toISOString(),
  };
}
