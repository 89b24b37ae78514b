import { eventTablesMigration, outboxClaimsMigration } from '@kern/events';
import type { MigrationInterface } from 'typeorm';
import { CreateSpaces1764374400000 } from './1764374400000-create-spaces';
import { SpaceLanguage1764460800001 } from './1764460800001-space-language';
import { MembershipTimePrecision1764460800002 } from './1764460800002-membership-time-precision';

/** In the order they run; a landed migration is never edited, only followed by a new one. */
export const migrations: Array<new () => MigrationInterface> = [
  CreateSpaces1764374400000,
  eventTablesMigration('spaces', 1764460800000),
  SpaceLanguage1764460800001,
  MembershipTimePrecision1764460800002,
  outboxClaimsMigration('spaces', 1765497600000),
];
