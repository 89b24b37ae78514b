import { ANONYMOUS, type Principal } from '@kern/contracts';
import { LiveFeed } from './live-feed';
import type { LiveViewer } from './live-viewer';

const customer = (userId: string): Principal => ({
  kind: 'CUSTOMER',
  userId,
  roles: [],
  scopes: ['READ', 'WRITE'],
  emailVerified: true,
  credential: 'ACCESS_TOKEN',
});
const [CORA_ID, DAN_ID] = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const [CORA, DAN] = [customer(CORA_ID), customer(DAN_ID)];

function viewer(principal: Principal | Error, credentialKey: string): LiveViewer & { checks: number } {
  const holder = {
    checks: 0,
    credentialKey,
    revalidate: () => {
      holder.checks++;
      return principal instanceof Error ? Promise.reject(principal) : Promise.resolve(principal);
    },
  };
  return holder;
}

/** A feed whose lookup says who it was for, counting its calls. */
function feed() {
  const lookups: Array<{ event: number; principal: Principal }> = [];
  const live = new LiveFeed<number, string>((event, principal) => {
    lookups.push({ event, principal });
    return Promise.resolve(principal.kind === 'ANONYMOUS' ? null : `${event} for ${principal.userId}`);
  });
  return { live, lookups };
}

describe('LiveFeed', () => {
  it('checks each credential once and looks each event up once per set of rights', async () => {
    const { live, lookups } = feed();
    const cora = viewer(CORA, 'cora-token');
    const coraElsewhere = viewer(CORA, 'cora-other-token');
    const subscriptions = [
      live.subscribe(cora, () => true),
      live.subscribe(cora, () => true),
      live.subscribe(coraElsewhere, () => true),
    ];
    live.publish(1);
    const items = await Promise.all(subscriptions.map((subscription) => subscription.next()));

    expect(items.map((item) => item.value)).toEqual(Array.from({ length: 3 }, () => `1 for ${CORA_ID}`));
    expect([cora.checks, coraElsewhere.checks]).toEqual([1, 1]);
    expect(lookups).toEqual([{ event: 1, principal: CORA }]);
  });

  it('never shares a lookup between viewers with other rights', async () => {
    const { live, lookups } = feed();
    const [cora, dan] = [live.subscribe(viewer(CORA, 'a'), () => true), live.subscribe(viewer(DAN, 'b'), () => true)];
    live.publish(7);
    expect([(await cora.next()).value, (await dan.next()).value]).toEqual([`7 for ${CORA_ID}`, `7 for ${DAN_ID}`]);
    expect(lookups.map((lookup) => lookup.principal)).toEqual([CORA, DAN]);
  });

  it('delivers only the events a subscription wants, in order, skipping what the viewer may not see', async () => {
    const { live } = feed();
    const odd = live.subscribe(viewer(CORA, 'a'), (event) => event % 2 === 1);
    const anonymous = live.subscribe(viewer(ANONYMOUS, 'anonymous'), () => true);
    for (const event of [1, 2, 3]) live.publish(event);
    expect([(await odd.next()).value, (await odd.next()).value]).toEqual([
      expect.stringMatching(/^1 /),
      expect.stringMatching(/^3 /),
    ]);
    void anonymous.return();
    expect(await anonymous.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a subscription whose token no longer holds', async () => {
    const { live, lookups } = feed();
    const expired = live.subscribe(viewer(new Error('expired'), 'old'), () => true);
    live.publish(1);
    expect(await expired.next()).toEqual({ value: undefined, done: true });
    expect(lookups).toEqual([]);
  });

  it('leaves the feed at once when the subscription ends while it waits', async () => {
    const { live, lookups } = feed();
    const waiting = live.subscribe(viewer(CORA, 'a'), () => true);
    const next = waiting.next();
    await waiting.return();
    expect(await next).toEqual({ value: undefined, done: true });
    live.publish(1);
    expect(lookups).toEqual([]);
  });
});
