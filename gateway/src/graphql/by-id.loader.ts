import DataLoader from 'dataloader';

/**
 * Batches one request's look-ups by id into calls of up to 100 ids. What `fetch` leaves out (the
 * principal may not see it, or it does not exist) loads as null.
 */
export function byIdLoader<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const byId = new Map((await fetch([...ids])).map((item) => [item.id, item]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 100 },
  );
}
