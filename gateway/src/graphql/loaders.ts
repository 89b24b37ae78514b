import type { Principal } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import { createTopicLoader } from '../topics/topic.loader';

/** One set per request: batching and caching must never cross requests (or principals). */
export function createLoaders(client: ServiceClient, principal: Principal) {
  return { topics: createTopicLoader(client, principal) };
}
export type Loaders = ReturnType<typeof createLoaders>;
