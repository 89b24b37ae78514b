import type { Principal } from '@kern/contracts';
import { LiveSubscription, type Delivery } from './live-subscription';
import { rightsKeyOf, type LiveViewer } from './live-viewer';

/**
 * One kind of live event for all of this replica's subscribers. For each event, each set of
 * credentials is checked once and `lookup` (what the event is for a viewer, through the services)
 * runs once per set of rights, however many identical subscriptions there are; viewers with other
 * rights never share a lookup.
 */
export class LiveFeed<Event, Item> {
  private readonly subscriptions = new Set<{
    viewer: LiveViewer;
    wants: (event: Event) => boolean;
    stream: LiveSubscription<Item>;
  }>();

  constructor(private readonly lookup: (event: Event, principal: Principal) => Promise<Item | null>) {}

  /** The items of the events `wants` picks, for `viewer`, until the subscription ends. */
  subscribe(viewer: LiveViewer, wants: (event: Event) => boolean): LiveSubscription<Item> {
    const subscription = {
      viewer,
      wants,
      stream: new LiveSubscription<Item>(() => this.subscriptions.delete(subscription)),
    };
    this.subscriptions.add(subscription);
    return subscription.stream;
  }

  publish(event: Event): void {
    const checks = new Map<string, Promise<Principal | null>>();
    const lookups = new Map<string, Promise<Item | null>>();
    const lookupFor = (principal: Principal) =>
      once(lookups, rightsKeyOf(principal), () => this.lookup(event, principal));
    for (const { viewer, wants, stream } of this.subscriptions) {
      if (!wants(event)) continue;
      const principal = once(checks, viewer.credentialKey, () => viewer.revalidate().catch(() => null));
      // Queued now, in event order, however long the lookups take.
      stream.deliver(
        principal.then(async (current): Promise<Delivery<Item>> =>
          current ? { item: await lookupFor(current) } : { ended: true },
        ),
      );
    }
  }
}

function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}
