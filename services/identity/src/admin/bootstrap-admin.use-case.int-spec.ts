import { waitFor } from '@kern/testing';
import { loadIdentityConfig } from '../config/identity.config';
import { PasswordHasher } from '../passwords/password-hasher';
import { ADMIN, IdentityMedium, unique } from '../test/identity-medium';
import { UsersRepository } from '../users/users.repository';
import { BootstrapAdminUseCase } from './bootstrap-admin.use-case';

describe('the first admin, on real PostgreSQL', () => {
  let identity: IdentityMedium;
  let users: UsersRepository;
  let printed: jest.SpyInstance;

  /** The bootstrap of one replica started with `env`. */
  const replica = (env: Record<string, string>) =>
    new BootstrapAdminUseCase(
      loadIdentityConfig({ NODE_ENV: 'development', ...env }),
      identity.database,
      users,
      identity.get(PasswordHasher),
    );

  const admins = async () =>
    (
      await identity.database.query<Array<{ email: string; handle: string }>>(
        `SELECT email, handle FROM identity.users WHERE 'ADMIN' = ANY(roles) ORDER BY created_at`,
      )
    ).map((row) => `${row.handle} <${row.email}>`);

  const waitingForTheLock = async () =>
    (
      await identity.database.query<[{ waiting: number }]>(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
      )
    )[0].waiting;

  beforeAll(async () => {
    identity = await IdentityMedium.start();
    users = identity.get(UsersRepository);
  });
  beforeEach(() => (printed = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)));
  afterEach(() => printed.mockRestore());
  afterAll(() => identity?.stop());

  it('was created from KERN_ADMIN_EMAIL at start, confirmed, an EMPLOYEE, and is not created twice', async () => {
    expect(await admins()).toEqual([`admin <${ADMIN.email}>`]);
    await replica({ KERN_ADMIN_EMAIL: ADMIN.email, KERN_ADMIN_PASSWORD: ADMIN.password }).execute();
    expect(await admins()).toEqual([`admin <${ADMIN.email}>`]);
    const admin = await users.findVerifiedByEmail(ADMIN.email);
    expect(admin).toMatchObject({ kind: 'EMPLOYEE', roles: ['ADMIN'] });
    expect(await identity.get(PasswordHasher).verify(admin?.passwordHash, ADMIN.password)).toBe(true);
  });

  it('takes the next free handle for another configured admin, once, however many replicas start together', async () => {
    const email = `${unique('second')}@kern.example`;
    const env = { KERN_ADMIN_EMAIL: email, KERN_ADMIN_PASSWORD: 'another admin password' };
    // Another replica is in the middle of its bootstrap: the three starting now wait for it.
    let release!: () => void;
    let holding!: () => void;
    const locked = new Promise<void>((resolve) => (holding = resolve));
    const other = identity.database.transaction(async () => {
      await users.lockAdminBootstrap();
      holding();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await locked;
    const starting = Promise.all([replica(env).execute(), replica(env).execute(), replica(env).execute()]);
    await waitFor(async () => (await waitingForTheLock()) === 3, { what: 'three replicas waiting for the lock' });
    expect(await admins()).toEqual([`admin <${ADMIN.email}>`]);
    release();
    await Promise.all([other, starting]);
    expect(await admins()).toEqual([`admin <${ADMIN.email}>`, `admin-2 <${email}>`]);
  });

  it('invents no admin while there is one, and none in production', async () => {
    await replica({}).execute();
    await replica({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' }).execute();
    expect(await admins()).toHaveLength(2);
    expect(printed).not.toHaveBeenCalled();
  });

  it('outside production, with no admin at all, creates one with a random password printed once', async () => {
    await identity.database.query(`UPDATE identity.users SET roles = '{}' WHERE 'ADMIN' = ANY(roles)`);
    await replica({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' }).execute();
    expect(await admins()).toEqual([]);

    await Promise.all([replica({}).execute(), replica({}).execute()]);
    expect(await admins()).toEqual(['admin-3 <admin@kern.localhost>']);
    expect(printed).toHaveBeenCalledTimes(1);
    const password = /password (\S+)/.exec(String(printed.mock.calls[0][0]))?.[1];
    const admin = await users.findVerifiedByEmail('admin@kern.localhost');
    expect(await identity.get(PasswordHasher).verify(admin?.passwordHash, password ?? '')).toBe(true);
  });
});
