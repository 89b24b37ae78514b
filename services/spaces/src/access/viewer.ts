import { canWrite, isAuthenticated, type PlatformRole, type Principal } from '@kern/contracts';

/** The principal reduced to what decides access to spaces. */
export interface Viewer {
  kind: Principal['kind'];
  userId: string | null;
  /** Platform admins and community managers: they see and moderate every space. */
  staff: boolean;
  canWrite: boolean;
  emailVerified: boolean;
}

export function viewerOf(principal: Principal): Viewer {
  if (!isAuthenticated(principal))
    return { kind: 'ANONYMOUS', userId: null, staff: false, canWrite: false, emailVerified: false };
  return {
    kind: principal.kind,
    userId: principal.userId,
    staff: isStaff(principal.kind, principal.roles),
    canWrite: canWrite(principal),
    emailVerified: principal.emailVerified,
  };
}

/**
 * Platform admins and community managers. Roles are granted to employees only; checking the kind
 * too keeps a stale token (or a stale list of users) from crossing over. The one definition of staff:
 * other services send kinds and roles, never their own idea of it.
 */
export function isStaff(kind: Principal['kind'], roles: readonly PlatformRole[]): boolean {
  return kind === 'EMPLOYEE' && roles.some((role) => role === 'ADMIN' || role === 'COMMUNITY_MANAGER');
}

/**
 * Which spaces exist for a viewer, as SQL over `s` (spaces) and `m` (the viewer's membership, left
 * joined), with the viewer in $1 (user id), $2 (kind) and $3 (staff). It is the one definition of the
 * boundary: every query that finds spaces uses it, so a space a viewer may not see is NOT_FOUND
 * everywhere, never FORBIDDEN.
 *   - Staff see every space.
 *   - Employees see every space except INVITE spaces they are not in.
 *   - Customers see EXTERNAL spaces only, and INVITE ones only when they are in them. A former
 *     employee's memberships of INTERNAL spaces count for nothing.
 *   - Anonymous visitors see EXTERNAL + OPEN spaces only.
 */
export const visibleTo = (kind: string, staff: string) => `(
  ${staff}
  OR CASE ${kind}
    WHEN 'EMPLOYEE' THEN s.join_policy <> 'INVITE' OR m.user_id IS NOT NULL
    WHEN 'CUSTOMER' THEN s.audience = 'EXTERNAL' AND (s.join_policy <> 'INVITE' OR m.user_id IS NOT NULL)
    ELSE s.audience = 'EXTERNAL' AND s.join_policy = 'OPEN'
  END
)`;
export const VISIBLE_TO_VIEWER = visibleTo('$2::text', '$3::boolean');

/** `accessOf(...).read` for a space already known to be visible, in SQL, for many readers at once. */
export const readableBy = (staff: string) => `(${staff} OR s.join_policy = 'OPEN' OR m.status = 'ACTIVE')`;

export const viewerParameters = (viewer: Viewer): unknown[] => [viewer.userId, viewer.kind, viewer.staff];
