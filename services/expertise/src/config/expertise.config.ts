import { commonEnv, databaseEnv, parseEnv } from '@kern/config';
import { eventsEnv } from '@kern/events';
import { z } from 'zod';

export const expertiseEnv = {
  ...commonEnv,
  ...databaseEnv,
  ...eventsEnv,
  ROUTING_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(604_800)
    .default(1800)
    .describe('how long a question waits for a reply before experts are asked'),
  ROUTING_EXPERTS_PER_QUESTION: z.coerce
    .number()
    .int()
    .min(1)
    .max(10)
    .default(3)
    .describe('experts a question is routed to'),
  ROUTING_MAX_PER_EXPERT_PER_DAY: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('routed questions one expert gets in 24 hours at most'),
  ROUTING_POLL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(300)
    .default(5)
    .describe('how often each replica looks for questions that are due'),
};
export type ExpertiseConfig = z.infer<z.ZodObject<typeof expertiseEnv>>;
export const EXPERTISE_CONFIG = Symbol('ExpertiseConfig');

export function loadExpertiseConfig(env = process.env): ExpertiseConfig {
  return parseEnv(expertiseEnv, env);
}
