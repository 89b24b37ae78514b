import { commonEnv, databaseEnv, parseEnv } from '@kern/config';
import { eventsEnv } from '@kern/events';
import type { DynamicModule } from '@nestjs/common';
import { z } from 'zod';
import { NEW_ACCOUNT_LIMITS } from '../moderation/trust';

const count = (fallback: number, description: string) =>
  z.coerce.number().int().min(0).max(100_000).default(fallback).describe(description);

export const threadsEnv = {
  ...commonEnv,
  ...databaseEnv,
  ...eventsEnv,
  WRITES_PER_MINUTE: count(20, 'threads, replies and flags one account may write per minute'),
  NEW_ACCOUNT_LINKS_PER_POST: count(NEW_ACCOUNT_LIMITS.linksPerPost, 'links a new customer account may put in a post'),
  NEW_ACCOUNT_MENTIONS_PER_POST: count(
    NEW_ACCOUNT_LIMITS.mentionsPerPost,
    'people a new customer account may mention in a post',
  ),
  NEW_ACCOUNT_THREADS_FIRST_DAY: count(
    NEW_ACCOUNT_LIMITS.threadsOnFirstDay,
    'threads a customer account may start on its first day',
  ),
  NEW_ACCOUNT_REPLIES_FIRST_DAY: count(
    NEW_ACCOUNT_LIMITS.repliesOnFirstDay,
    'replies a customer account may write on its first day',
  ),
  NEW_ACCOUNT_SECONDS_BETWEEN_POSTS: count(
    NEW_ACCOUNT_LIMITS.secondsBetweenPosts,
    'pause a new customer account must leave between posts',
  ),
};
export type ThreadsConfig = z.infer<z.ZodObject<typeof threadsEnv>>;
export const THREADS_CONFIG = Symbol('ThreadsConfig');

export function loadThreadsConfig(env = process.env): ThreadsConfig {
  return parseEnv(threadsEnv, env);
}

/** The configuration, for every module of the service (`@Inject(THREADS_CONFIG)`). */
export function threadsConfigModule(config: ThreadsConfig): DynamicModule {
  return {
    module: class ThreadsConfigModule {},
    global: true,
    providers: [{ provide: THREADS_CONFIG, useValue: config }],
    exports: [THREADS_CONFIG],
  };
}
