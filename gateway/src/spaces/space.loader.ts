import { spaces, type Principal, type SpaceReply } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import DataLoader from 'dataloader';

/** Batches the space look-ups of one request; a space the principal may not see loads as null. */
export function createSpaceLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, SpaceReply | null>(async (ids) => {
    const { spaces: found } = await client.call(spaces.getSpaces, { ids: [...ids] }, principal);
    const byId = new Map(found.map((space) => [space.id, space]));
    return ids.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 100 });
}
