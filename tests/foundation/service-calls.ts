import type { UntypedData } from '@kern/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface ServiceCall {
  subject: string;
  payload: UntypedData;
}

export interface ServiceCalls {
  /** The payloads of the requests seen so far. */
  payloads(): Promise<UntypedData[]>;
  /** The requests seen so far, with their subjects (for a wildcard such as `spaces.>`). */
  calls(): Promise<ServiceCall[]>;
  stop(): Promise<void>;
}

/**
 * Every request published on `subject`, as seen by a plain NATS subscriber next to the service's
 * queue group: how a test counts the service calls the gateway makes.
 */
export async function watchServiceCalls(natsUrl: string, subject: string): Promise<ServiceCalls> {
  const connection: NatsConnection = await connect({ servers: natsUrl });
  const seen: ServiceCall[] = [];
  const subscription = connection.subscribe(subject);
  void (async () => {
    for await (const message of subscription)
      seen.push({
        subject: message.subject,
        payload: message.json<{ data: { payload: Record<string, unknown> } }>().data.payload,
      });
  })();
  await connection.flush();
  // A round trip to the server first: what the gateway published before it answered has reached us.
  const calls = async () => (await connection.flush(), [...seen]);
  return {
    calls,
    payloads: async () => (await calls()).map((call) => call.payload),
    stop: () => connection.close(),
  };
}
