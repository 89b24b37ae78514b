import { hasRole, isAuthenticated, type Principal, type UserPrincipal, type UserReply } from '@kern/contracts';
import type { UserRecord } from './user.record';

/** The reply for `viewer`: e-mail and verification only for the user themself and admins, suspension only for admins. */
export function toUserReply(user: UserRecord, viewer: Principal): UserReply {
  const admin = hasRole(viewer, 'ADMIN');
  const self = isAuthenticated(viewer) && viewer.userId === user.id;
  return {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    kind: user.kind,
    email: self || admin ? user.email : null,
    emailVerified: self || admin ? user.emailVerifiedAt !== null : null,
    roles: user.roles,
    suspended: admin ? user.suspendedAt !== null : null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Who the user is when they act through an interactive session. */
export function sessionPrincipal(user: UserRecord): UserPrincipal {
  return {
    kind: user.kind,
    userId: user.id,
    roles: user.roles,
    scopes: ['READ', 'WRITE'],
    emailVerified: user.emailVerifiedAt !== null,
    credential: 'ACCESS_TOKEN',
  };
}
