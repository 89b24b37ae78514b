import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStreams } from './event-streams';

const BATCH = 100;
const IDLE_POLL_MS = 250;
const RETRY_MS = 1000;
const KEEP_PUBLISHED_HOURS = 24;

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  envelope: unknown;
}

/**
 * Publishes what the outbox holds, oldest first, and marks it published. Every replica runs one;
 * `SKIP LOCKED` gives each batch to one of them. A crash between publishing and marking publishes the
 * batch again later, and JetStream drops the repeats by message id, so each event lands once.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
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
      let published = 0;
      try {
        published = await this.publishBatch();
        if (Date.now() - lastPrune > 60_000) {
          lastPrune = Date.now();
          await this.dataSource.query(`DELETE FROM ${this.schema}.outbox WHERE published_at < now() - make_interval(hours => $1)`, [KEEP_PUBLISHED_HOURS]);
        }
      } catch (error) {
        this.logger.warn({ msg: 'outbox relay could not publish; retrying', error: String(error) });
        await this.sleep(RETRY_MS);
        continue;
      }
      if (published < BATCH) await this.sleep(IDLE_POLL_MS);
    }
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT seq, id, subject, envelope FROM ${this.schema}.outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      for (const row of rows) await this.streams.js.publish(row.subject, JSON.stringify(row.envelope), { msgID: row.id, timeout: 5000 });
      if (rows.length > 0) await tx.query(`UPDATE ${this.schema}.outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((row) => row.seq)]);
      return rows.length;
    });
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
