import { rateLimited } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { AuthAttemptsRepository } from './auth-attempts.repository';
import { RateLimits, type RateLimit } from './rate-limits';

function limitReached(message: string, msBeforeNext: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return rateLimited(`${message}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}

/** Points taken for one request, to keep (a failure counts) or give back (nothing was evaluated). */
class Reservation {
  private readonly taken: Array<{ limit: RateLimit; key: string }> = [];

  add(limit: RateLimit, key: string) {
    this.taken.push({ limit, key });
  }

  async cancel(): Promise<void> {
    await Promise.all(this.taken.splice(0).map(({ limit, key }) => limit.giveBack(key)));
  }
}

/** A sign-in that may go ahead: tell it how it ended. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
  /** Nothing was evaluated (say, no hashing slot): as if it had not been tried. */
  cancel(): Promise<void>;
}

/**
 * Slows down password guessing. Every limit is reserved atomically before the password is hashed,
 * so requests arriving together are counted as if one after the other. After LOGIN_FREE_FAILURES an
 * account takes one try per window, the window doubling with each failure (up to
 * LOGIN_MAX_DELAY_SECONDS), and at most LOGIN_MAX_FAILURES_PER_ACCOUNT_PER_HOUR; an address takes at
 * most LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR over all accounts. From an address the owner signed
 * in from, the account's limits still apply but are counted apart (an attacker elsewhere cannot lock
 * the owner out), and only the address-wide limit is waived (everyone behind one proxy shares an
 * address). A refused try is not counted, so failures on one account cannot spend the address for others.
 */
@Injectable()
export class Throttle {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly limits: RateLimits,
    private readonly attempts: AuthAttemptsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async reserveLogin(account: string, clientAddress: string | null): Promise<LoginAttempt> {
    const known = clientAddress !== null && (await this.attempts.knownAddress(account, clientAddress));
    const bucket = known ? `${account}\n${clientAddress}` : account;
    const reservation = new Reservation();
    const refuse = async (scope: string, msBeforeNext: number, message: string) => {
      await reservation.cancel();
      await this.audit.record({
        action: 'LOGIN_THROTTLED',
        clientAddress,
        details: { scope, ...(scope === 'address' ? {} : { account }) },
      });
      return limitReached(message, msBeforeNext);
    };

    const failures = await this.limits.loginAccount.take(bucket);
    if (!failures.taken)
      throw await refuse('account', failures.msBeforeNext, 'Too many failed sign-ins for this account');
    reservation.add(this.limits.loginAccount, bucket);
    const delaySeconds = this.delayAfter(failures.consumed);
    if (delaySeconds > 0) {
      const turn = await this.limits.loginDelay.take(bucket, delaySeconds);
      if (!turn.taken)
        throw await refuse('account-delay', turn.msBeforeNext, 'Too many failed sign-ins for this account');
      reservation.add(this.limits.loginDelay, bucket);
    }
    if (clientAddress !== null && !known) {
      const fromAddress = await this.limits.loginAddress.take(clientAddress);
      if (!fromAddress.taken)
        throw await refuse('address', fromAddress.msBeforeNext, 'Too many failed sign-ins from this address');
      reservation.add(this.limits.loginAddress, clientAddress);
    }

    return {
      succeeded: async () => {
        // Failures count since the last success: the account's slate is clean, and the address's point was no failure.
        await Promise.all([this.limits.loginAccount.clear(bucket), this.limits.loginDelay.clear(bucket)]);
        if (clientAddress !== null && !known) await this.limits.loginAddress.giveBack(clientAddress);
      },
      // The wait before the next try starts when this one failed, not when it was let through.
      failed: async () => {
        if (delaySeconds > 0) await this.limits.loginDelay.restart(bucket, 1, delaySeconds);
      },
      cancel: () => reservation.cancel(),
    };
  }

  /** The n-th failure from LOGIN_FREE_FAILURES on makes the next try wait 1 s, then 2, 4 ... */
  private delayAfter(failures: number): number {
    if (failures < this.config.LOGIN_FREE_FAILURES) return 0;
    return Math.min(2 ** (failures - this.config.LOGIN_FREE_FAILURES), this.config.LOGIN_MAX_DELAY_SECONDS);
  }

  recordLogin(account: string, clientAddress: string | null, succeeded: boolean): Promise<void> {
    return this.attempts.record('LOGIN', account, clientAddress, succeeded);
  }

  /** Counts a registration attempt from the address, whatever becomes of it; `cancel` if nothing was done. */
  async reserveRegistration(clientAddress: string | null): Promise<{ cancel(): Promise<void> }> {
    const reservation = new Reservation();
    if (clientAddress === null) return reservation;
    const taken = await this.limits.registrations.take(clientAddress);
    if (!taken.taken) throw limitReached('Too many new accounts from this address', taken.msBeforeNext);
    reservation.add(this.limits.registrations, clientAddress);
    return reservation;
  }

  /** Whether the owner of an address may be told once more that someone tried to register with it. */
  async mayNotifyOwner(userId: string): Promise<boolean> {
    return (await this.limits.registrationNotices.take(userId)).taken;
  }
}
