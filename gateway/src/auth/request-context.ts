import type { Principal } from '@kern/contracts';
import type { Request } from 'express';
import type { Loaders } from '../graphql/loaders';
import type { LiveViewer } from '../live/live-viewer';

/** What every resolver gets: who asks (verified once per request), from where, and the request's batching loaders. */
export interface RequestContext {
  /** Absent on a WebSocket (subscriptions). */
  req?: Request;
  principal: Principal;
  /** The socket's address, or the client's as a trusted proxy reports it (TRUST_PROXY). */
  clientAddress: string | undefined;
  loaders: Loaders;
  /** Subscriptions outlive a request: who holds one, checked again on each event. Absent over HTTP. */
  viewer?: LiveViewer;
}
