import { hasRole, isAuthenticated, type Principal, type UserPrincipal } from '@kern/contracts';
import { assertCanWrite, forbidden, unauthenticated } from '@kern/messaging';

/** Platform admins only. */
export function assertAdmin(principal: Principal): asserts principal is UserPrincipal {
  if (!isAuthenticated(principal)) throw unauthenticated();
  if (!hasRole(principal, 'ADMIN')) throw forbidden('Only platform admins may do this');
}

/** Admin changes are writes: a READ API token of an admin may look, not change. */
export function assertAdminWriter(principal: Principal): asserts principal is UserPrincipal {
  assertAdmin(principal);
  assertCanWrite(principal);
}
