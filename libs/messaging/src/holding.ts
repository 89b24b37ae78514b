import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

interface Held {
  what: string;
  open: boolean;
}

const held = new AsyncLocalStorage<Held>();

/**
 * Runs `work` while the caller holds something others wait for (a database transaction, row locks).
 * Calls to other services from inside it are refused: a slow or stopped neighbour would keep the
 * connection and its locks taken, and enough such requests lock every other request out.
 */
export async function whileHolding<T>(what: string, work: () => Promise<T>): Promise<T> {
  const entry: Held = { what, open: true };
  try {
    return await held.run(entry, work);
  } finally {
    // Work started inside but finishing later (a promise nobody awaited) no longer holds anything.
    entry.open = false;
  }
}

/** What the current async context holds, if anything. */
export function heldResource(): string | null {
  const entry = held.getStore();
  return entry?.open ? entry.what : null;
}

export class HeldResourceError extends Error {
  override name = 'HeldResourceError';
}

/**
 * Fails loudly (outside production) when `action` would wait on another process while the caller
 * holds a transaction; in production it is logged once per action, so a missed case degrades into a
 * slower request instead of a failed one.
 */
export function assertNotHolding(action: string): void {
  const what = heldResource();
  if (!what) return;
  const message = `${action} while holding ${what}: do it before the transaction or after it commits`;
  if (process.env.NODE_ENV !== 'production') throw new HeldResourceError(message);
  if (!reported.has(action)) {
    reported.add(action);
    new Logger('HeldResources').error(message);
  }
}

const reported = new Set<string>();
