import { CreateAccounts1764201600000 } from './1764201600000-create-accounts';
import { eventTablesMigration, outboxClaimsMigration } from '@kern/events';
import { AccessControl1764288000000 } from './1764288000000-access-control';
import { AtomicLimitsAndClaims1765584000000 } from './1765584000000-atomic-limits-and-claims';

/** In the order they run; a landed migration is never edited, only followed by a new one. */
export const migrations = [
  CreateAccounts1764201600000,
  AccessControl1764288000000,
  eventTablesMigration('identity', 1764374400000),
  outboxClaimsMigration('identity', 1765497600000),
  AtomicLimitsAndClaims1765584000000,
];
