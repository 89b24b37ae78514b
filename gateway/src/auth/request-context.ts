import type { Principal } from '@kern/contracts';
import type { Request } from 'express';
import type { Loaders } from '../graphql/loaders';

/** What every resolver gets: who asks (verified once per request), from where, and the request's batching loaders. */
export interface RequestContext {
  /** Absent on a WebSocket (subscriptions). */
  req?: Request;
  principal: Principal;
  /** The socket's address, or the client's as a trusted proxy reports it (TRUST_PROXY). */
  clientAddress: string | undefined;
  loaders: Loaders;
  /** Subscriptions outlive a request: the principal again from the same token, or an error once it expired or was revoked. */
  revalidate?: () => Promise<Principal>;
}
