import { z } from 'zod';

/** An unpaired half of a surrogate pair: not a character, and UTF-8 (so PostgreSQL) cannot hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';
export const LONE_SURROGATE_MESSAGE = 'must be valid Unicode: it contains an unpaired surrogate';

/** Why a string cannot be stored as text, or null when it can. */
export function illFormedReason(text: string): string | null {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return LONE_SURROGATE_MESSAGE;
  return null;
}

type Path = Array<string | number>;
/** Where a value sits: its parent's place and its own key, so the walk never copies a path. */
interface Place {
  parent: Place | null;
  key: string | number;
}

function pathOf(place: Place | null): Path {
  const path: Path = [];
  for (let at = place; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Every string in `value` (keys too, at any depth) that PostgreSQL would refuse (NUL) or silently
 * change (a lone surrogate becomes U+FFFD), with where it is. Walks with its own stack, so a deeply
 * nested payload cannot overflow the call stack.
 */
export function illFormedStrings(value: unknown): Array<{ path: Path; message: string }> {
  const found: Array<{ path: Path; message: string }> = [];
  const pending: Array<{ value: unknown; place: Place | null }> = [{ value, place: null }];
  while (pending.length > 0) {
    const { value: current, place } = pending.pop()!;
    const keyMessage = typeof place?.key === 'string' ? illFormedReason(place.key) : null;
    if (keyMessage) found.push({ path: pathOf(place), message: keyMessage });
    if (typeof current === 'string') {
      const message = illFormedReason(current);
      if (message) found.push({ path: pathOf(place), message });
    } else if (typeof current === 'object' && current !== null) {
      const entries: Array<[string | number, unknown]> = Array.isArray(current)
        ? current.map((item, index) => [index, item])
        : Object.entries(current);
      // Pushed last to first, so they are reported in order.
      for (const [key, item] of entries.reverse()) pending.push({ value: item, place: { parent: place, key } });
    }
  }
  return found;
}

/**
 * `schema`, after refusing every string it was given that is not storable text. It checks the raw
 * input, before any field's own rules or transforms, so no field can forget it; `envelopeOf` wraps
 * every request schema with it.
 */
export const wellFormed = <Schema extends z.ZodType>(schema: Schema) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      for (const { path, message } of illFormedStrings(value)) ctx.addIssue({ code: 'custom', path, message });
    })
    .pipe(schema);
