import { isAuthenticated, type Principal } from '@kern/contracts';
import { createHash } from 'node:crypto';

/** Who holds a subscription. A subscription outlives the checks of its token, so each event checks again. */
export interface LiveViewer {
  /** The same for subscriptions with the same credentials, whose checks are then shared. */
  credentialKey: string;
  /** The principal again from the same token, or an error once it expired or was revoked. */
  revalidate(): Promise<Principal>;
}

/** A digest rather than the token itself, so no token sits in a map key. */
export function credentialKeyOf(authorization: string | undefined): string {
  return authorization ? createHash('sha256').update(authorization).digest('base64url') : 'anonymous';
}

/**
 * Principals with the same key have the same rights everywhere: the key holds all of the principal,
 * which is all a service decides from. Two people never share one (the user id is part of it).
 */
export function rightsKeyOf(principal: Principal): string {
  if (!isAuthenticated(principal)) return principal.kind;
  const { kind, userId, roles, scopes, emailVerified, credential } = principal;
  return JSON.stringify([kind, userId, [...roles].sort(), [...scopes].sort(), emailVerified, credential]);
}
