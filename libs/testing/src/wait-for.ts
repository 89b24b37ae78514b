import { inspect } from 'node:util';

/** Polls `check` until it returns a value other than undefined/false, instead of sleeping a fixed time. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 15_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${describeError(lastError)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** An Error as `Name: message`; anything else that was thrown as Node prints it, not `[object Object]`. */
function describeError(error: unknown): string {
  return error instanceof Error ? String(error) : inspect(error, { breakLength: Infinity });
}
