import type { PlatformRole } from '@kern/contracts';
import { Database } from '@kern/database';
import { conflict } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NewUser, UserRecord } from './user.record';

const UNIQUE_VIOLATION = '23505';

const COLUMNS = `id, email, handle, display_name AS "displayName", kind, roles, password_hash AS "passwordHash",
  email_verified_at AS "emailVerifiedAt", suspended_at AS "suspendedAt", suspended_reason AS "suspendedReason",
  token_version AS "tokenVersion", token_version_changed_at AS "tokenVersionChangedAt", created_at AS "createdAt"`;

type UserChanges = Partial<Pick<UserRecord, 'kind' | 'roles' | 'emailVerifiedAt' | 'suspendedAt' | 'suspendedReason'>>;

const COLUMN_OF: Record<keyof UserChanges, string> = {
  kind: 'kind',
  roles: 'roles',
  emailVerifiedAt: 'email_verified_at',
  suspendedAt: 'suspended_at',
  suspendedReason: 'suspended_reason',
};

@Injectable()
export class UsersRepository {
  constructor(private readonly database: Database) {}

  /**
   * Inserts a user; a taken handle (in any letter case), or an address another account confirmed
   * (for a confirmed one), is a CONFLICT naming the field.
   */
  async insert(user: NewUser): Promise<UserRecord> {
    try {
      const [row] = await this.database.query<[UserRecord]>(
        `INSERT INTO identity.users (id, email, handle, display_name, kind, roles, password_hash, email_verified_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [
          randomUUID(),
          user.email,
          user.handle,
          user.displayName,
          user.kind,
          user.roles,
          user.passwordHash,
          user.emailVerifiedAt,
        ],
      );
      return row;
    } catch (error) {
      throw conflictOr(error);
    }
  }

  findByIds(ids: string[]): Promise<UserRecord[]> {
    return this.database.query<UserRecord[]>(`SELECT ${COLUMNS} FROM identity.users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.one(`SELECT ${COLUMNS} FROM identity.users WHERE id = $1`, [id]);
  }

  /** Locks the row until the transaction ends, so concurrent admin changes apply one after the other. */
  findByIdForUpdate(id: string): Promise<UserRecord | null> {
    return this.one(`SELECT ${COLUMNS} FROM identity.users WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** The account that owns the address: the one that confirmed it. Others may only claim it, unconfirmed. */
  findVerifiedByEmail(email: string): Promise<UserRecord | null> {
    return this.one(
      `SELECT ${COLUMNS} FROM identity.users WHERE lower(email) = lower($1) AND email_verified_at IS NOT NULL LIMIT 1`,
      [email],
    );
  }

  /**
   * The account a password sign-in is checked against: the owner of the address, else the newest
   * claim. Looked up and verified like the owner (same time), a claim is still never signed in.
   */
  findForSignIn(email: string): Promise<UserRecord | null> {
    return this.one(
      `SELECT ${COLUMNS} FROM identity.users WHERE lower(email) = lower($1)
        ORDER BY email_verified_at IS NULL ASC, created_at DESC LIMIT 1`,
      [email],
    );
  }

  findByHandle(handle: string): Promise<UserRecord | null> {
    return this.one(`SELECT ${COLUMNS} FROM identity.users WHERE lower(handle) = lower($1) LIMIT 1`, [handle]);
  }

  async countByKind(): Promise<{ employees: number; customers: number }> {
    const [row] = await this.database.query<[{ employees: number; customers: number }]>(
      `SELECT count(*) FILTER (WHERE kind = 'EMPLOYEE')::int AS employees, count(*) FILTER (WHERE kind = 'CUSTOMER')::int AS customers
       FROM identity.users WHERE suspended_at IS NULL`,
    );
    return row;
  }

  /** Until the transaction ends, no other replica bootstraps an admin (BootstrapAdminUseCase). */
  async lockAdminBootstrap(): Promise<void> {
    await this.database.query(`SELECT pg_advisory_xact_lock(hashtext('kern:bootstrap-admin'))`);
  }

  async anyWithRole(role: PlatformRole): Promise<boolean> {
    const [row] = await this.database.query<[{ found: boolean }]>(
      `SELECT EXISTS (SELECT 1 FROM identity.users WHERE $1 = ANY(roles)) AS found`,
      [role],
    );
    return row.found;
  }

  async update(id: string, changes: UserChanges): Promise<void> {
    const set = (Object.keys(COLUMN_OF) as Array<keyof UserChanges>).filter((key) => changes[key] !== undefined);
    if (set.length === 0) return;
    try {
      await this.database.query(
        `UPDATE identity.users SET ${set.map((key, i) => `${COLUMN_OF[key]} = $${i + 2}`).join(', ')} WHERE id = $1`,
        [id, ...set.map((key) => changes[key])],
      );
    } catch (error) {
      throw conflictOr(error);
    }
  }

  /** Raises the token version: every access token issued before stops counting. Returns the new version. */
  async bumpTokenVersion(id: string): Promise<number> {
    const [rows] = await this.database.query<[Array<{ token_version: number }>, number]>(
      `UPDATE identity.users SET token_version = token_version + 1, token_version_changed_at = now() WHERE id = $1 RETURNING token_version`,
      [id],
    );
    return rows[0].token_version;
  }

  /** Users whose tokens were revoked within `seconds`: revocations the gateway must still enforce. */
  revokedSince(seconds: number): Promise<Array<{ id: string; tokenVersion: number; changedAt: Date }>> {
    return this.database.query(
      `SELECT id, token_version AS "tokenVersion", token_version_changed_at AS "changedAt" FROM identity.users
        WHERE token_version_changed_at > now() - make_interval(secs => $1)`,
      [seconds],
    );
  }

  private async one(sql: string, parameters: unknown[]): Promise<UserRecord | null> {
    const rows = await this.database.query<UserRecord[]>(sql, parameters);
    return rows[0] ?? null;
  }
}

function conflictOr(error: unknown): unknown {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === UNIQUE_VIOLATION && driverError.constraint === 'users_email_key') {
    return conflict('Another account has confirmed this e-mail address', { field: 'email' });
  }
  if (driverError?.code === UNIQUE_VIOLATION && driverError.constraint === 'users_handle_key') {
    return conflict('This handle is taken', { field: 'handle' });
  }
  return error;
}
