import type { Database } from '@kern/database';
import { Logger } from '@nestjs/common';
import type { EventStreams } from './event-streams';

const BATCH = 100;
const IDLE_POLL_MS = 250;
const RETRY_MS = 1000;
const KEEP_PUBLISHED_HOURS = 24;
/** Longer than publishing a batch can take (a publish times out after 5 s, and a failure stops the batch). */
const CLAIM_SECONDS = 30;

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  envelope: unknown;
}

/**
 * Publishes what the outbox holds, oldest first, and marks it published. Every replica runs one;
 * each claims a batch (rows other replicas claimed are skipped until their claim runs out), and
 * publishes it with no transaction open, so a slow JetStream holds no connection or lock. A crash
 * between publishing and marking publishes the batch again later, and JetStream drops the repeats
 * by message id, so each event lands once.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly database: Database,
    private readonly schema: string,
    private readonly streams: EventStreams,
  ) {}

  private readonly logger = new Logger(OutboxRelay.name);

  start() {
    this.running = true;
    this.loop = this.run();
  }

  /** Publish soon, without waiting for the next poll (called after a commit that added events). */
  kick() {
    this.wake?.();
  }

  async stop() {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run() {
    let lastPrune = 0;
    while (this.running) {
      let published: number;
      try {
        published = await this.publishBatch();
        if (Date.now() - lastPrune > 60_000) {
          lastPrune = Date.now();
          await this.database.query(
            `DELETE FROM ${this.schema}.outbox WHERE published_at < now() - make_interval(hours => $1)`,
            [KEEP_PUBLISHED_HOURS],
          );
        }
      } catch (error) {
        this.logger.warn({ msg: 'outbox relay could not publish; retrying', error: String(error) });
        await this.sleep(RETRY_MS);
        continue;
      }
      if (published < BATCH) await this.sleep(IDLE_POLL_MS);
    }
  }

  private async publishBatch(): Promise<number> {
    const rows = await this.claim();
    const published = new Set<string>();
    try {
      for (const row of rows) {
        await this.streams.js.publish(row.subject, JSON.stringify(row.envelope), { msgID: row.id, timeout: 5000 });
        published.add(row.seq);
      }
    } finally {
      if (published.size > 0)
        await this.database.query(
          `UPDATE ${this.schema}.outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`,
          [[...published]],
        );
      // What could not be published goes back to the queue at once, in its place.
      const unpublished = rows.filter((row) => !published.has(row.seq)).map((row) => row.seq);
      if (unpublished.length > 0) {
        await this.database
          .query(`UPDATE ${this.schema}.outbox SET claimed_until = NULL WHERE seq = ANY($1::bigint[])`, [unpublished])
          .catch(() => undefined);
      }
    }
    return rows.length;
  }

  private async claim(): Promise<OutboxRow[]> {
    const [rows]: [OutboxRow[], number] = await this.database.query(
      `UPDATE ${this.schema}.outbox SET claimed_until = now() + make_interval(secs => $2)
       WHERE seq IN (SELECT seq FROM ${this.schema}.outbox WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                     ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING seq, id, subject, envelope`,
      [BATCH, CLAIM_SECONDS],
    );
    return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
