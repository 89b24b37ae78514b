import { EVENT_STREAMS } from '@kern/contracts';
import {
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { EventsEnv } from './events.env';

const DAY_NS = 24 * 60 * 60 * 1_000_000_000;
/** How long JetStream remembers message ids: a relay that re-publishes within it is de-duplicated. */
const DUPLICATE_WINDOW_NS = 10 * 60 * 1_000_000_000;

/**
 * The process's JetStream connection, with the streams created (or brought up to date) at start;
 * every service does this, so whichever starts first creates them and the others find them.
 */
export class EventStreams {
  private constructor(
    readonly connection: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
  ) {}

  static async open(servers: string[], name: string, config: EventsEnv): Promise<EventStreams> {
    const connection = await connect({ servers, name: `${name}-events-${process.pid}`, maxReconnectAttempts: -1 });
    const jsm = await jetstreamManager(connection);
    const retention = {
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      num_replicas: config.EVENTS_STREAM_REPLICAS,
      max_age: config.EVENTS_RETENTION_DAYS * DAY_NS,
    };
    for (const stream of Object.values(EVENT_STREAMS)) {
      const wanted = {
        ...retention,
        name: stream.name,
        subjects: [`${stream.subjectPrefix}>`],
        duplicate_window: DUPLICATE_WINDOW_NS,
      };
      try {
        await jsm.streams.add(wanted);
      } catch (error) {
        // It exists already (another service or replica made it): bring its limits up to date.
        if (!/already in use|already exists/i.test(String(error))) throw error;
        await jsm.streams.update(stream.name, wanted);
      }
    }
    return new EventStreams(connection, jetstream(connection), jsm);
  }

  async close(): Promise<void> {
    await this.connection.drain();
  }
}
