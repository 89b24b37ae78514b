import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@kern/contracts';
import { DomainError } from '@kern/messaging';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { AuthAttemptsRepository } from './auth-attempts.repository';

const HOUR_MS = 3_600_000;

function rateLimited(message: string, retryAt: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
  return new DomainError(ErrorCode.RATE_LIMITED, `${message}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}

/**
 * Slows down password guessing without handing attackers a way to lock the owner out: after a few
 * failures each try on an account must wait twice as long (capped), an account takes a bounded number
 * of failures per hour, and an address the owner signed in from before is exempt from the account's
 * limits (it keeps only its own). Every limit is configurable.
 */
@Injectable()
export class Throttle {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly attempts: AuthAttemptsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async assertMayTryLogin(account: string, clientAddress: string | null): Promise<void> {
    if (clientAddress) {
      const fromAddress = await this.attempts.fromAddress('LOGIN', clientAddress, true);
      if (fromAddress.count >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR) {
        await this.audit.record({ action: 'LOGIN_THROTTLED', clientAddress, details: { scope: 'address' } });
        throw rateLimited('Too many failed sign-ins from this address', fromAddress.oldest!.getTime() + HOUR_MS);
      }
      if (await this.attempts.knownAddress(account, clientAddress)) return;
    }
    const failures = await this.attempts.accountFailures(account);
    if (failures.count >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT_PER_HOUR) {
      await this.audit.record({ action: 'LOGIN_THROTTLED', clientAddress, details: { scope: 'account', account } });
      throw rateLimited('Too many failed sign-ins for this account', failures.oldest!.getTime() + HOUR_MS);
    }
    if (failures.count >= this.config.LOGIN_FREE_FAILURES) {
      const delayMs = Math.min(2 ** (failures.count - this.config.LOGIN_FREE_FAILURES) * 1000, this.config.LOGIN_MAX_DELAY_SECONDS * 1000);
      const retryAt = failures.newest!.getTime() + delayMs;
      if (retryAt > Date.now()) {
        await this.audit.record({ action: 'LOGIN_THROTTLED', clientAddress, details: { scope: 'account-delay', account } });
        throw rateLimited('Too many failed sign-ins for this account', retryAt);
      }
    }
  }

  recordLogin(account: string, clientAddress: string | null, succeeded: boolean): Promise<void> {
    return this.attempts.record('LOGIN', account, clientAddress, succeeded);
  }

  async assertMayRegister(clientAddress: string | null): Promise<void> {
    if (!clientAddress) return;
    const recent = await this.attempts.fromAddress('REGISTER', clientAddress, false);
    if (recent.count >= this.config.REGISTRATIONS_PER_ADDRESS_PER_HOUR) {
      throw rateLimited('Too many new accounts from this address', recent.oldest!.getTime() + HOUR_MS);
    }
  }

  recordRegistration(account: string, clientAddress: string | null): Promise<void> {
    return this.attempts.record('REGISTER', account, clientAddress, true);
  }
}
