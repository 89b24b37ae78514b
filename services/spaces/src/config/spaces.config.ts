import { commonEnv, databaseEnv, parseEnv } from '@kern/config';
import { eventsEnv } from '@kern/events';
import { z } from 'zod';

export const spacesEnv = { ...commonEnv, ...databaseEnv, ...eventsEnv };
export type SpacesConfig = z.infer<z.ZodObject<typeof spacesEnv>>;

export function loadSpacesConfig(env = process.env): SpacesConfig {
  return parseEnv(spacesEnv, env);
}
