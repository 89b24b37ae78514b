import { Database } from '@kern/database';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { PasswordHasher } from '../passwords/password-hasher';
import { UsersRepository } from '../users/users.repository';

const DEV_ADMIN_EMAIL = 'admin@kern.localhost';

/**
 * Makes sure the platform has its first admin. With KERN_ADMIN_EMAIL/KERN_ADMIN_PASSWORD, that account
 * is created if absent. Without them, outside production, an admin with a random password is created
 * once and the password printed once (to the terminal, not the structured log); in production nothing
 * is invented and a warning says what to set.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly database: Database,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async onApplicationBootstrap() {
    // Replicas starting together must not create two admins.
    await this.database.transaction(async () => {
      await this.database.query(`SELECT pg_advisory_xact_lock(hashtext('kern:bootstrap-admin'))`);
      if (this.config.KERN_ADMIN_EMAIL && this.config.KERN_ADMIN_PASSWORD) {
        if (await this.users.findVerifiedByEmail(this.config.KERN_ADMIN_EMAIL)) return;
        await this.create(this.config.KERN_ADMIN_EMAIL, this.config.KERN_ADMIN_PASSWORD);
        this.logger.log({ msg: 'created the admin account from KERN_ADMIN_EMAIL' });
        return;
      }
      if (await this.users.anyWithRole('ADMIN')) return;
      if (this.config.NODE_ENV === 'production') {
        this.logger.warn('No admin account exists: set KERN_ADMIN_EMAIL and KERN_ADMIN_PASSWORD to create one');
        return;
      }
      const password = randomBytes(12).toString('base64url');
      await this.create(DEV_ADMIN_EMAIL, password);
      process.stdout.write(
        `\n  Kern admin created (shown once): e-mail ${DEV_ADMIN_EMAIL}  password ${password}\n` +
          `  Set KERN_ADMIN_EMAIL and KERN_ADMIN_PASSWORD to choose them yourself.\n\n`,
      );
    });
  }

  private async create(email: string, password: string) {
    await this.users.insert({
      email,
      handle: await this.freeHandle(),
      displayName: 'Administrator',
      kind: 'EMPLOYEE',
      roles: ['ADMIN'],
      passwordHash: await this.passwords.hash(password),
      // Configured by the operator, not claimed by a visitor.
      emailVerifiedAt: new Date(),
    });
  }

  /** `admin`, or `admin-2`... when an earlier admin (another KERN_ADMIN_EMAIL, say) holds it. */
  private async freeHandle(): Promise<string> {
    for (let n = 1; ; n += 1) {
      const handle = n === 1 ? 'admin' : `admin-${n}`;
      if (!(await this.users.findByHandle(handle))) return handle;
    }
  }
}
