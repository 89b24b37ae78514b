import { commonEnv, databaseEnv, parseEnv } from '@kern/config';
import { eventsEnv } from '@kern/events';
import { z } from 'zod';

export const expertiseEnv = { ...commonEnv, ...databaseEnv, ...eventsEnv };
export type ExpertiseConfig = z.infer<z.ZodObject<typeof expertiseEnv>>;

export function loadExpertiseConfig(env = process.env): ExpertiseConfig {
  return parseEnv(expertiseEnv, env);
}
