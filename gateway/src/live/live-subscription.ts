/** What one event comes to for one subscription: an item (null: nothing for this viewer), or the end. */
export type Delivery<Item> = { item: Item | null } | { ended: true };

/**
 * One subscriber's stream: deliveries in the order their events arrived. Its `return()` (the client
 * completed, or the socket closed) leaves the feed at once, also while it waits for the next event;
 * an async generator could not, as it only sees `return()` at its next `yield`.
 */
export class LiveSubscription<Item> implements AsyncIterableIterator<Item> {
  private readonly queue: Array<Promise<Delivery<Item>>> = [];
  private wake?: () => void;
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  deliver(delivery: Promise<Delivery<Item>>): void {
    if (this.closed) return;
    // Consumed in next(); a failure here must not be reported as unhandled meanwhile.
    delivery.catch(() => undefined);
    this.queue.push(delivery);
    this.wake?.();
  }

  async next(): Promise<IteratorResult<Item>> {
    while (!this.closed) {
      const head = this.queue.shift();
      if (!head) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      let delivery: Delivery<Item>;
      try {
        delivery = await head;
      } catch (error) {
        this.close();
        throw error;
      }
      if (this.closed) break;
      if ('ended' in delivery) this.close();
      else if (delivery.item !== null) return { value: delivery.item, done: false };
    }
    return { value: undefined, done: true };
  }

  return(): Promise<IteratorResult<Item>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.onClose();
    this.wake?.();
  }
}
