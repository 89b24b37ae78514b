import { identity, type Principal, type UserReply } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import DataLoader from 'dataloader';

/** Batches the user look-ups of one request (e.g. every member of a page) into one call. */
export function createUserLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, UserReply | null>(async (ids) => {
    const { users } = await client.call(identity.getUsers, { ids: [...ids] }, principal);
    const byId = new Map(users.map((user) => [user.id, user]));
    return ids.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 100 });
}
