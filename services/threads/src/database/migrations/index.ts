import { eventTablesMigration } from '@kern/events';
import type { MigrationInterface } from 'typeorm';
import { CreateThreads1764460800000 } from './1764460800000-create-threads';
import { ThreadLinks1764633600000 } from './1764633600000-thread-links';
import { Moderation1764720000000 } from './1764720000000-moderation';

/** In the order they run; a landed migration is never edited, only followed by a new one. */
export const migrations: Array<new () => MigrationInterface> = [CreateThreads1764460800000, eventTablesMigration('threads', 1764460800001), ThreadLinks1764633600000, Moderation1764720000000];
