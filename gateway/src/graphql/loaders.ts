import type { Principal } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import { createRingLoader } from '../insights/ring.loader';
import { createSpaceLoader } from '../spaces/space.loader';
import { createPostLoader, createSpaceFollowLevelLoader, createThreadLoader } from '../threads/thread.loaders';
import { createTopicLoader, createTopicSynonymsLoader } from '../topics/topic.loader';
import { createUserLoader } from '../users/user.loader';
import { createRequestReads } from './request-reads';

/** One set per request: batching and caching must never cross requests (or principals). */
export function createLoaders(client: ServiceClient, principal: Principal) {
  return {
    topics: createTopicLoader(client, principal),
    topicSynonyms: createTopicSynonymsLoader(client, principal),
    spaces: createSpaceLoader(client, principal),
    users: createUserLoader(client, principal),
    threads: createThreadLoader(client, principal),
    posts: createPostLoader(client, principal),
    spaceFollowLevels: createSpaceFollowLevelLoader(client, principal),
    rings: createRingLoader(client, principal),
    reads: createRequestReads(client, principal),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
