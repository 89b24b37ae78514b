import { insights, type EngagementRing, type Principal } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import DataLoader from 'dataloader';

/** Rings of one response's memberships (`spaceId|userId`), asked once per space. */
export function createRingLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, EngagementRing>(
    async (keys) => {
      const bySpace = new Map<string, string[]>();
      for (const key of keys) {
        const [spaceId, userId] = key.split('|');
        bySpace.set(spaceId, [...(bySpace.get(spaceId) ?? []), userId]);
      }
      const rings = new Map<string, EngagementRing>();
      for (const [spaceId, userIds] of bySpace) {
        const { rings: found } = await client.call(insights.rings, { spaceId, userIds }, principal);
        for (const entry of found) rings.set(`${spaceId}|${entry.userId}`, entry.ring);
      }
      return keys.map((key) => rings.get(key) ?? 'OBSERVER');
    },
    { maxBatchSize: 1000 },
  );
}
