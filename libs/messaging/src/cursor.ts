import { badInput } from './domain-error';

/**
 * Cursors are opaque to clients but come back from them, so a parser accepts exactly what its list
 * hands out and nothing PostgreSQL would refuse: a bad cursor is BAD_USER_INPUT on `after`, never a
 * failed query.
 */
const invalidCursor = () => badInput('Invalid cursor', { field: 'after' });

const MAX_BIGINT = 9_223_372_036_854_775_807n;
/** As `Date.prototype.toISOString` writes it, which is how every time cursor is made. */
const ISO_INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A position in a list ordered by a `bigint` sequence (the last row's value): digits that fit in a bigint. */
export function parseSequenceCursor(after: string): string {
  if (!/^\d{1,19}$/.test(after) || BigInt(after) > MAX_BIGINT) throw invalidCursor();
  return after;
}

/**
 * A position in a list ordered by (a timestamp, a uuid): the last row's `<ISO instant>|<uuid>`.
 * `Date.parse` alone would take "+275760-09-13", "2024-02-30" or "1", which PostgreSQL refuses.
 */
export function parseTimeCursor(after: string): { at: string; id: string } {
  const separator = after.indexOf('|');
  const at = after.slice(0, separator);
  const id = after.slice(separator + 1);
  if (separator < 0 || !isIsoInstant(at) || !UUID.test(id)) throw invalidCursor();
  return { at, id };
}

/** Years 1-9999 and a date that exists: the instant, written again, is the one given. */
function isIsoInstant(text: string): boolean {
  const match = ISO_INSTANT.exec(text);
  if (!match || Number(match[1]) < 1) return false;
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === text.slice(0, 19);
}
