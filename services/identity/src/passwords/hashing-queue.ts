import { rateLimited } from '@kern/messaging';

/**
 * At most `concurrency` argon2 computations at once and `queueSize` waiting for their turn; beyond
 * that a request is refused at once. Each hash takes 19 MiB and tens of milliseconds of a core, so a
 * flood of sign-ins would otherwise make every request (a correct sign-in too) wait until it timed out.
 */
export class HashingQueue {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueSize: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) {
      this.active += 1;
    } else {
      if (this.waiting.length >= this.queueSize) {
        throw rateLimited('Too many sign-ins at once; try again in a moment', { retryAfterSeconds: 1, reason: 'BUSY' });
      }
      // The finishing computation hands its slot over, so `active` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
