import type { PlatformRole } from '@kern/contracts';
import { Database } from '@kern/database';
import { conflict } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, QueryFailedError } from 'typeorm';
import { UserEntity } from './user.entity';
import type { NewUser, UserRecord } from './user.record';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersRepository {
  constructor(private readonly database: Database) {}

  private get users() {
    return this.database.repository(UserEntity);
  }

  /**
   * Inserts a user; a taken handle (in any letter case), or an address another account confirmed
   * (for a confirmed one), is a CONFLICT naming the field.
   */
  async insert(user: NewUser): Promise<UserRecord> {
    try {
      const saved = await this.users.save(
        this.users.create({
          ...user,
          id: randomUUID(),
          suspendedAt: null,
          suspendedReason: null,
          tokenVersion: 0,
          tokenVersionChangedAt: null,
        }),
      );
      return { ...saved };
    } catch (error) {
      throw conflictOr(error);
    }
  }

  findByIds(ids: string[]): Promise<UserRecord[]> {
    return this.users.findBy({ id: In(ids) });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.users.findOneBy({ id });
  }

  /** Locks the row until the transaction ends, so concurrent admin changes apply one after the other. */
  findByIdForUpdate(id: string): Promise<UserRecord | null> {
    return this.users.createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  /** The account that owns the address: the one that confirmed it. Others may only claim it, unconfirmed. */
  findVerifiedByEmail(email: string): Promise<UserRecord | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere('u.email_verified_at IS NOT NULL')
      .getOne();
  }

  /**
   * The account a password sign-in is checked against: the owner of the address, else the newest
   * claim. Looked up and verified like the owner (same time), a claim is still never signed in.
   */
  findForSignIn(email: string): Promise<UserRecord | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .orderBy('u.email_verified_at IS NULL', 'ASC')
      .addOrderBy('u.created_at', 'DESC')
      .getOne();
  }

  findByHandle(handle: string): Promise<UserRecord | null> {
    return this.users.createQueryBuilder('u').where('lower(u.handle) = lower(:handle)', { handle }).getOne();
  }

  async countByKind(): Promise<{ employees: number; customers: number }> {
    const [row] = await this.users.query<[{ employees: number; customers: number }]>(
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
    return (await this.users.createQueryBuilder('u').where(':role = ANY(u.roles)', { role }).getCount()) > 0;
  }

  async update(
    id: string,
    changes: Partial<Pick<UserRecord, 'kind' | 'roles' | 'emailVerifiedAt' | 'suspendedAt' | 'suspendedReason'>>,
  ) {
    try {
      await this.users.update({ id }, changes);
    } catch (error) {
      throw conflictOr(error);
    }
  }

  /** Raises the token version: every access token issued before stops counting. Returns the new version. */
  async bumpTokenVersion(id: string): Promise<number> {
    // For UPDATE, TypeORM's query() answers [rows, rowCount].
    const [rows]: [Array<{ token_version: number }>, number] = await this.users.query(
      `UPDATE identity.users SET token_version = token_version + 1, token_version_changed_at = now() WHERE id = $1 RETURNING token_version`,
      [id],
    );
    return rows[0].token_version;
  }

  /** Users whose tokens were revoked within `seconds`: revocations the gateway must still enforce. */
  async revokedSince(seconds: number): Promise<Array<{ id: string; tokenVersion: number; changedAt: Date }>> {
    const rows: Array<{ id: string; token_version: number; changed_at: Date }> = await this.users.query(
      `SELECT id, token_version, token_version_changed_at AS changed_at FROM identity.users
        WHERE token_version_changed_at > now() - make_interval(secs => $1)`,
      [seconds],
    );
    return rows.map((row) => ({ id: row.id, tokenVersion: row.token_version, changedAt: row.changed_at }));
  }
}

function conflictOr(error: unknown): unknown {
  const driverError = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
    .driverError;
  if (driverError?.code === UNIQUE_VIOLATION && driverError.constraint === 'users_email_key') {
    return conflict('Another account has confirmed this e-mail address', { field: 'email' });
  }
  if (driverError?.code === UNIQUE_VIOLATION && driverError.constraint === 'users_handle_key') {
    return conflict('This handle is taken', { field: 'handle' });
  }
  return error;
}
