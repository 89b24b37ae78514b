import { InFlightTracker } from './in-flight';

describe('InFlightTracker', () => {
  it('is idle at once when nothing is in flight', async () => {
    await expect(new InFlightTracker().idle(10)).resolves.toBe(true);
  });

  it('becomes idle when the last request leaves', async () => {
    const tracker = new InFlightTracker();
    tracker.enter();
    tracker.enter();
    const idle = tracker.idle(5000);
    tracker.leave();
    tracker.leave();
    await expect(idle).resolves.toBe(true);
  });

  it('gives up after the timeout and says it did not drain', async () => {
    const tracker = new InFlightTracker();
    tracker.enter();
    await expect(tracker.idle(20)).resolves.toBe(false);
  });
});
