import { threads, type PostReply, type Principal, type SpaceFollowLevel, type ThreadReply } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import DataLoader from 'dataloader';

/** Batches the thread look-ups of one request; a thread the principal may not read loads as null. */
export function createThreadLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, ThreadReply | null>(async (ids) => {
    const { threads: found } = await client.call(threads.getThreads, { ids: [...ids] }, principal);
    const byId = new Map(found.map((thread) => [thread.id, thread]));
    return ids.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 100 });
}

/** Batches the post look-ups of one request; a post the principal may not see loads as null. */
export function createPostLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, PostReply | null>(async (ids) => {
    const { posts } = await client.call(threads.getPosts, { ids: [...ids] }, principal);
    const byId = new Map(posts.map((post) => [post.id, post]));
    return ids.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 100 });
}

/** Batches the viewer's follow level of every space in a response. */
export function createSpaceFollowLevelLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, SpaceFollowLevel>(async (spaceIds) => {
    const { levels } = await client.call(threads.spaceFollowLevels, { spaceIds: [...spaceIds] }, principal);
    const bySpace = new Map(levels.map((entry) => [entry.spaceId, entry.level]));
    return spaceIds.map((id) => bySpace.get(id) ?? 'NORMAL');
  }, { maxBatchSize: 100 });
}
