import { badInput } from '@kern/messaging';

/** A cursor of a list paged by (created_at, id), newest first: the last row's `createdAt|id`. */
export function parseTimeCursor(after: string): { createdAt: string; id: string } {
  const [createdAt, id] = after.split('|');
  if (!createdAt || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) throw badInput('Invalid cursor', { field: 'after' });
  return { createdAt, id };
}
