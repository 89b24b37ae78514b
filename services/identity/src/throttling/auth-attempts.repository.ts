import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

export type AttemptAction = 'LOGIN' | 'REGISTER';

/** The history of sign-ins, kept in PostgreSQL so every replica knows the addresses an owner uses. */
@Injectable()
export class AuthAttemptsRepository {
  constructor(private readonly database: Database) {}

  async record(
    action: AttemptAction,
    account: string | null,
    clientAddress: string | null,
    succeeded: boolean,
  ): Promise<void> {
    await this.database.query(
      `INSERT INTO identity.auth_attempts (action, account, client_address, succeeded) VALUES ($1, $2, $3, $4)`,
      [action, account, clientAddress, succeeded],
    );
  }

  /** Whether this address signed in to this account within 30 days: then it is the owner's device, most likely. */
  async knownAddress(account: string, clientAddress: string): Promise<boolean> {
    const rows = await this.database.query<unknown[]>(
      `SELECT 1 FROM identity.auth_attempts
        WHERE action = 'LOGIN' AND account = $1 AND client_address = $2 AND succeeded AND at > now() - interval '30 days' LIMIT 1`,
      [account, clientAddress],
    );
    return rows.length > 0;
  }
}
