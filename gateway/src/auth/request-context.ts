import type { Principal } from '@kern/contracts';
import type { Request } from 'express';
import type { Loaders } from '../graphql/loaders';

/** What every resolver gets: who asks (verified once per request) and the request's batching loaders. */
export interface RequestContext {
  req: Request;
  principal: Principal;
  loaders: Loaders;
}
