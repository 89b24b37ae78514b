import { HashingQueue } from './hashing-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('HashingQueue', () => {
  it('runs `concurrency` at once, queues `queueSize` more, and refuses the next at once with RATE_LIMITED', async () => {
    const queue = new HashingQueue(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) => queue.run(async () => (started.push(i), await gate.promise, i)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    await expect(queue.run(() => Promise.resolve('refused'))).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 1, reason: 'BUSY' },
    });

    gates[0].resolve();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    gates[1].resolve();
    gates[2].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
  });

  it('frees the slot of a computation that failed', async () => {
    const queue = new HashingQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(() => Promise.resolve('next'))).toBe('next');
  });
});
