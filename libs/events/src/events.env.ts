import { z } from 'zod';

/** Variables of every process that publishes or consumes durable events. */
export const eventsEnv = {
  EVENTS_STREAM_REPLICAS: z.coerce
    .number()
    .int()
    .min(1)
    .max(5)
    .default(1)
    .describe('JetStream replicas of the event streams (3 on a NATS cluster)'),
  EVENTS_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .describe('how long JetStream keeps events (and dead letters) for replay'),
  EVENTS_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('deliveries of an event to a failing consumer before it becomes a dead letter'),
};
export type EventsEnv = z.infer<z.ZodObject<typeof eventsEnv>>;
