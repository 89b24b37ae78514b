import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

export type AttemptAction = 'LOGIN' | 'REGISTER';

/** Attempts are kept in PostgreSQL so every replica of identity counts the same ones. */
@Injectable()
export class AuthAttemptsRepository {
  constructor(private readonly database: Database) {}

  async record(action: AttemptAction, account: string | null, clientAddress: string | null, succeeded: boolean): Promise<void> {
    await this.database.query(`INSERT INTO identity.auth_attempts (action, account, client_address, succeeded) VALUES ($1, $2, $3, $4)`, [
      action,
      account,
      clientAddress,
      succeeded,
    ]);
  }

  /** Failures for an account in the last hour since its last success, oldest and newest. */
  async accountFailures(account: string): Promise<{ count: number; oldest: Date | null; newest: Date | null }> {
    const [row] = await this.database.query(
      `SELECT count(*)::int AS count, min(at) AS oldest, max(at) AS newest FROM identity.auth_attempts
        WHERE action = 'LOGIN' AND account = $1 AND NOT succeeded AND at > now() - interval '1 hour'
          AND at > coalesce((SELECT max(at) FROM identity.auth_attempts WHERE action = 'LOGIN' AND account = $1 AND succeeded), '-infinity')`,
      [account],
    );
    return row;
  }

  /** Whether this address signed in to this account within 30 days: then it is the owner's device, most likely. */
  async knownAddress(account: string, clientAddress: string): Promise<boolean> {
    const rows = await this.database.query(
      `SELECT 1 FROM identity.auth_attempts
        WHERE action = 'LOGIN' AND account = $1 AND client_address = $2 AND succeeded AND at > now() - interval '30 days' LIMIT 1`,
      [account, clientAddress],
    );
    return rows.length > 0;
  }

  /** Attempts of `action` from an address in the last hour (failures only, for logins), with the oldest. */
  async fromAddress(action: AttemptAction, clientAddress: string, failuresOnly: boolean): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.database.query(
      `SELECT count(*)::int AS count, min(at) AS oldest FROM identity.auth_attempts
        WHERE action = $1 AND client_address = $2 AND at > now() - interval '1 hour' AND ($3::boolean IS FALSE OR NOT succeeded)`,
      [action, clientAddress, failuresOnly],
    );
    return row;
  }
}
