import type { UserPrincipal } from '@kern/contracts';
import { Database } from '@kern/database';
import { MediumService, readOutbox, waitForMail, type OutboxMail } from '@kern/testing';
import type { Type } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { identityAggregates } from '../app.module';
import type { AuditAction } from '../audit/audit-log.repository';
import { identityConfigModule, loadIdentityConfig, type IdentityConfig } from '../config/identity.config';
import { migrations } from '../database/migrations';
import { RegistrationMail } from '../email-verification/registration-mail';
import { PasswordHasher } from '../passwords/password-hasher';
import { sessionPrincipal } from '../users/user.mapper';
import type { NewUser, UserRecord } from '../users/user.record';
import { UsersRepository } from '../users/users.repository';

export const ADMIN = { email: 'admin@kern.example', password: 'admin password for medium tests' };
export const PASSWORD = 'correct horse battery staple';

let sequence = 0;
/** Unique within a run, so tests sharing one database never meet (addresses, handles, client addresses). */
export function unique(prefix = 'u'): string {
  sequence += 1;
  return `${prefix}${sequence}x${randomBytes(3).toString('hex')}`;
}
/** A client address of its own (10.0.0.0/8, never a real client). */
export function uniqueAddress(): string {
  return `10.${[...randomBytes(3)].join('.')}`;
}

/**
 * Identity's medium tier: every aggregate module, as app.module composes them, on a throwaway
 * database migrated as in production; mail goes to a development outbox folder of the test's own;
 * argon2 runs with the production parameters (they are not configurable, on purpose). The admin
 * bootstrap runs at start with ADMIN.
 */
export class IdentityMedium {
  private constructor(
    readonly medium: MediumService,
    readonly config: IdentityConfig,
    readonly mailDir: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<IdentityMedium> {
    const mailDir = await mkdtemp(join(tmpdir(), 'kern-identity-mail-'));
    const config = loadIdentityConfig({
      NODE_ENV: 'test',
      MAIL_OUTBOX_DIR: mailDir,
      KERN_EMPLOYEE_DOMAINS: 'kern.example',
      KERN_ADMIN_EMAIL: ADMIN.email,
      KERN_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    });
    const medium = await MediumService.start({
      schema: 'identity',
      migrations,
      imports: [identityConfigModule(config), rateLimiterStore(), ...identityAggregates],
    });
    return new IdentityMedium(medium, config, mailDir);
  }

  get<T>(type: Type<T>): T {
    return this.medium.get(type);
  }

  get database(): Database {
    return this.medium.database;
  }

  /** An account made directly in the database: confirmed, CUSTOMER, with PASSWORD unless told otherwise. */
  async givenUser(overrides: Partial<NewUser> & { suspended?: boolean } = {}): Promise<UserRecord> {
    const { suspended, ...fields } = overrides;
    const name = unique('user');
    const user = await this.get(UsersRepository).insert({
      email: `${name}@example.com`,
      handle: name,
      displayName: `User ${name}`,
      kind: 'CUSTOMER',
      roles: [],
      passwordHash: fields.passwordHash ?? (await this.get(PasswordHasher).hash(PASSWORD)),
      emailVerifiedAt: new Date(),
      ...fields,
    });
    if (!suspended) return user;
    await this.get(UsersRepository).update(user.id, { suspendedAt: new Date(), suspendedReason: 'test' });
    return { ...user, suspendedAt: new Date(), suspendedReason: 'test' };
  }

  /** The admin the bootstrap created, as their interactive session sees them. */
  async admin(): Promise<UserPrincipal> {
    const admin = await this.get(UsersRepository).findVerifiedByEmail(ADMIN.email);
    if (!admin) throw new Error('the admin bootstrap did not run');
    return sessionPrincipal(admin);
  }

  mails(): Promise<OutboxMail[]> {
    return readOutbox(this.mailDir);
  }

  mailTo(to: string, subject: RegExp): Promise<OutboxMail> {
    return waitForMail(this.mailDir, (mail) => mail.to === to && subject.test(mail.subject), `a mail to ${to}`);
  }

  /** Waits until the mail registrations send after answering has gone out, as a shutdown does. */
  async mailSettled(): Promise<void> {
    await this.get(RegistrationMail).onApplicationShutdown();
  }

  /** The secret of the first link in a mail (`...?token=...` or `...?invitation=...`). */
  static linkToken(mail: OutboxMail): string {
    const match = /[?&](?:token|invitation)=([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no link in the mail "${mail.subject}"`);
    return match[1];
  }

  async auditOf(
    action: AuditAction,
  ): Promise<Array<{ subjectUserId: string | null; details: Record<string, unknown> }>> {
    return this.database.query(
      `SELECT subject_user_id AS "subjectUserId", details FROM identity.audit_events WHERE action = $1 ORDER BY id`,
      [action],
    );
  }

  async stop(): Promise<void> {
    await this.medium.stop();
    await rm(this.mailDir, { recursive: true, force: true });
  }
}

/**
 * rate-limiter-flexible keeps its counters through TypeORM's DataSource (production gets it from
 * TypeOrmModule); here it is the medium tier's own.
 */
function rateLimiterStore() {
  class RateLimiterStore {}
  return {
    module: RateLimiterStore,
    global: true,
    providers: [
      { provide: DataSource, useFactory: (database: Database) => database.manager.connection, inject: [Database] },
    ],
    exports: [DataSource],
  };
}
