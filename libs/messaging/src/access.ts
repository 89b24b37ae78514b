import { canWrite, isAuthenticated, type Principal, type UserPrincipal } from '@kern/contracts';
import { forbidden, unauthenticated } from './domain-error';

/** For use cases that change something: a signed-in user whose credential may write. */
export function assertCanWrite(principal: Principal): asserts principal is UserPrincipal {
  if (!isAuthenticated(principal)) throw unauthenticated();
  if (!canWrite(principal)) throw forbidden('This API token may only read');
}
