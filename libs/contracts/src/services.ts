/**
 * The services and their queue groups: every replica of a service subscribes in the group named
 * after it, so NATS hands each request to exactly one replica.
 */
export const SERVICE_NAMES = ['identity', 'spaces', 'threads', 'expertise'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
