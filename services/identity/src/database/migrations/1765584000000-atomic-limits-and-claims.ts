import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters the rate limits reserve atomically (rate-limiter-flexible's table layout, created here so
 * the library never issues DDL), unconfirmed accounts that only claim an address (one confirmed
 * account per address, any number of claims, so `register` can answer alike whether the address is
 * taken), and what a refresh token needs to hand out the same successor twice.
 */
export class AtomicLimitsAndClaims1765584000000 implements MigrationInterface {
  name = 'AtomicLimitsAndClaims1765584000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await db.query(`DROP INDEX identity.users_email_key`);
    await db.query(
      `CREATE UNIQUE INDEX users_email_key ON identity.users (lower(email)) WHERE email_verified_at IS NOT NULL`,
    );
    await db.query(`CREATE INDEX users_email_idx ON identity.users (lower(email))`);
    await db.query(`ALTER TABLE identity.refresh_tokens ADD COLUMN successor_salt bytea`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE identity.refresh_tokens DROP COLUMN successor_salt`);
    await db.query(`DROP INDEX identity.users_email_idx`);
    await db.query(`DROP INDEX identity.users_email_key`);
    // Fails while two accounts claim one address: remove the unconfirmed claims first.
    await db.query(`CREATE UNIQUE INDEX users_email_key ON identity.users (lower(email))`);
    await db.query(`DROP TABLE identity.rate_limits`);
  }
}
