import { Database } from '@kern/database';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { PasswordHasher } from '../passwords/password-hasher';
import { UsersRepository } from '../users/users.repository';

const DEV_ADMIN_EMAIL = 'admin@kern.localhost';

/**
 * Makes sure the platform has its first admin (run once at start, by AdminModule). With
 * KERN_ADMIN_EMAIL/KERN_ADMIN_PASSWORD, that account is created if absent. Without them, outside
 * production, an admin with a random password is created once and the password printed once (to
 * the terminal, not the structured log); in production nothing is invented and a warning says what
 * to set.
 */
@Injectable()
export class BootstrapAdminUseCase {
  private readonly logger = new Logger(BootstrapAdminUseCase.name);

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly database: Database,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute(): Promise<void> {
    const { KERN_ADMIN_EMAIL, KERN_ADMIN_PASSWORD } = this.config;
    const configured =
      KERN_ADMIN_EMAIL && KERN_ADMIN_PASSWORD ? { email: KERN_ADMIN_EMAIL, password: KERN_ADMIN_PASSWORD } : null;
    if (!(await this.missing(configured))) return;
    if (!configured && this.config.NODE_ENV === 'production') {
      this.logger.warn('No admin account exists: set KERN_ADMIN_EMAIL and KERN_ADMIN_PASSWORD to create one');
      return;
    }
    const admin = configured ?? { email: DEV_ADMIN_EMAIL, password: randomBytes(12).toString('base64url') };
    // Hashed before the transaction, so no connection is held while argon2 works.
    const passwordHash = await this.passwords.hash(admin.password);
    const created = await this.database.transaction(async () => {
      // Replicas starting together must not create two admins: one after the other, each looks again.
      await this.users.lockAdminBootstrap();
      if (!(await this.missing(configured))) return false;
      await this.users.insert({
        email: admin.email,
        handle: await this.freeHandle(),
        displayName: 'Administrator',
        kind: 'EMPLOYEE',
        roles: ['ADMIN'],
        passwordHash,
        // Configured by the operator, not claimed by a visitor.
        emailVerifiedAt: new Date(),
      });
      return true;
    });
    if (!created) return;
    if (configured) {
      this.logger.log({ msg: 'created the admin account from KERN_ADMIN_EMAIL' });
      return;
    }
    process.stdout.write(
      `\n  Kern admin created (shown once): e-mail ${admin.email}  password ${admin.password}\n` +
        `  Set KERN_ADMIN_EMAIL and KERN_ADMIN_PASSWORD to choose them yourself.\n\n`,
    );
  }

  /** The configured admin's address has no owner yet; without one configured, nobody is an admin. */
  private async missing(configured: { email: string } | null): Promise<boolean> {
    if (configured) return !(await this.users.findVerifiedByEmail(configured.email));
    return !(await this.users.anyWithRole('ADMIN'));
  }

  /** `admin`, or `admin-2`... when an earlier admin (another KERN_ADMIN_EMAIL, say) holds it. */
  private async freeHandle(): Promise<string> {
    for (let n = 1; ; n += 1) {
      const handle = n === 1 ? 'admin' : `admin-${n}`;
      if (!(await this.users.findByHandle(handle))) return handle;
    }
  }
}
