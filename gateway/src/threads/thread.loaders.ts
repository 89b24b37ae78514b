import { threads, type Principal, type SpaceFollowLevel } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import DataLoader from 'dataloader';
import { byIdLoader } from '../graphql/by-id.loader';

/** A thread or post the principal may not read loads as null. */
export const createThreadLoader = (client: ServiceClient, principal: Principal) =>
  byIdLoader(async (ids) => (await client.call(threads.getThreads, { ids }, principal)).threads);

export const createPostLoader = (client: ServiceClient, principal: Principal) =>
  byIdLoader(async (ids) => (await client.call(threads.getPosts, { ids }, principal)).posts);

/** Batches the viewer's follow level of every space in a response. */
export function createSpaceFollowLevelLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, SpaceFollowLevel>(
    async (spaceIds) => {
      const { levels } = await client.call(threads.spaceFollowLevels, { spaceIds: [...spaceIds] }, principal);
      const bySpace = new Map(levels.map((entry) => [entry.spaceId, entry.level]));
      return spaceIds.map((id) => bySpace.get(id) ?? 'NORMAL');
    },
    { maxBatchSize: 100 },
  );
}
