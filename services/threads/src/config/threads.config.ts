import { commonEnv, databaseEnv, parseEnv } from '@kern/config';
import { z } from 'zod';

export const threadsEnv = { ...commonEnv, ...databaseEnv };
export type ThreadsConfig = z.infer<z.ZodObject<typeof threadsEnv>>;

export function loadThreadsConfig(env = process.env): ThreadsConfig {
  return parseEnv(threadsEnv, env);
}
