import { parseTimeCursor as parseCursor } from '@kern/messaging';

/** A cursor of a list paged by (created_at, id), newest first: the last row's `createdAt|id`. */
export function parseTimeCursor(after: string): { createdAt: string; id: string } {
  const { at, id } = parseCursor(after);
  return { createdAt: at, id };
}
