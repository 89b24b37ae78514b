import { commonEnv, databaseEnv, parseEnv } from '@kern/config';
import { eventsEnv } from '@kern/events';
import { z } from 'zod';

export const threadsEnv = { ...commonEnv, ...databaseEnv, ...eventsEnv };
export type ThreadsConfig = z.infer<z.ZodObject<typeof threadsEnv>>;

export function loadThreadsConfig(env = process.env): ThreadsConfig {
  return parseEnv(threadsEnv, env);
}
