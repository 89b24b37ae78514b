import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';

const HOUR = 3600;

/** What reserving one point answered: taken (the how-manieth in its window), or refused until `msBeforeNext`. */
export type Take = { taken: true; consumed: number } | { taken: false; msBeforeNext: number };

/**
 * One counter of rate-limiter-flexible in identity.rate_limits (PostgreSQL, so every replica counts
 * the same). Reserving is one atomic upsert, so requests arriving together cannot all read "under the
 * limit" before any of them counts. Keys are hashed: no e-mail address or client address is stored.
 *
 * It queries through the pool, never through a transaction: call it before `database.transaction`.
 */
export class RateLimit {
  constructor(
    private readonly limiter: RateLimiterPostgres,
    /** Keep refused points instead of giving them back: for a counter whose window `restart` moves (see loginDelay). */
    private readonly keepRefused = false,
  ) {}

  /** Takes a point; a refused reservation is given back at once, so only what proceeds is counted. */
  async take(key: string, windowSeconds?: number): Promise<Take> {
    const options = windowSeconds === undefined ? {} : { customDuration: windowSeconds };
    try {
      return { taken: true, consumed: (await this.limiter.consume(hashed(key), 1, options)).consumedPoints };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      if (!this.keepRefused) await this.limiter.reward(hashed(key), 1);
      return { taken: false, msBeforeNext: error.msBeforeNext };
    }
  }

  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(hashed(key), 1);
  }

  /** Starts the key's window again from now, holding `points`. */
  async restart(key: string, points: number, windowSeconds: number): Promise<void> {
    await this.limiter.set(hashed(key), points, windowSeconds);
  }

  async clear(key: string): Promise<void> {
    await this.limiter.delete(hashed(key));
  }
}

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** Identity's counters, each with its own prefix in the one table. */
@Injectable()
export class RateLimits {
  /** Failed sign-ins per account per hour (apart for each address the owner signed in from). */
  readonly loginAccount: RateLimit;
  /** After the free failures: one try per window, the window doubling with each failure. */
  readonly loginDelay: RateLimit;
  /** Failed sign-ins per client address per hour, over all accounts. */
  readonly loginAddress: RateLimit;
  readonly registrations: RateLimit;
  readonly registrationNotices: RateLimit;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig, dataSource: DataSource) {
    const limiter = (
      keyPrefix: string,
      points: number,
      duration: number,
      { clearExpiredByTimeout = false, keepRefused = false } = {},
    ) =>
      new RateLimit(
        new RateLimiterPostgres({
          storeClient: dataSource,
          storeType: 'typeorm',
          schemaName: 'identity',
          tableName: 'rate_limits',
          tableCreated: true,
          clearExpiredByTimeout,
          keyPrefix,
          points,
          duration,
        }),
        keepRefused,
      );
    // One of them removes expired rows (every five minutes), for all.
    this.loginAccount = limiter('login-account', config.LOGIN_MAX_FAILURES_PER_ACCOUNT_PER_HOUR, HOUR, {
      clearExpiredByTimeout: true,
    });
    // A failure restarts its window with one point; a refused try given back after that restart
    // would take that point away and let one more try through. Kept, it changes nothing: the window
    // ends when it ends either way.
    this.loginDelay = limiter('login-delay', 1, 1, { keepRefused: true });
    this.loginAddress = limiter('login-address', config.LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR, HOUR);
    this.registrations = limiter('register-address', config.REGISTRATIONS_PER_ADDRESS_PER_HOUR, HOUR);
    this.registrationNotices = limiter('register-notice', config.REGISTRATION_NOTICES_PER_ACCOUNT_PER_DAY, 24 * HOUR);
  }
}
