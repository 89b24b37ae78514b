import { ANONYMOUS as anonymous } from '@kern/contracts';
import { IdentityMedium } from '../test/identity-medium';
import { CountUsersUseCase } from './count-users.use-case';
import { GetUserStandingsUseCase } from './get-user-standings.use-case';
import { GetUserUseCase } from './get-user.use-case';
import { GetUsersUseCase } from './get-users.use-case';
import { sessionPrincipal } from './user.mapper';

describe('looking users up, on real PostgreSQL', () => {
  let identity: IdentityMedium;

  beforeAll(async () => (identity = await IdentityMedium.start()));
  afterAll(() => identity?.stop());

  it('shows the address only to the user and admins, and the suspension only to admins', async () => {
    const ann = await identity.givenUser({ suspended: true, passwordHash: 'unused' });
    const bob = await identity.givenUser({ passwordHash: 'unused' });
    const getUser = identity.get(GetUserUseCase);
    const asBob = await getUser.execute({ id: ann.id }, sessionPrincipal(bob));
    expect(asBob).toMatchObject({ handle: ann.handle, email: null, emailVerified: null, suspended: null });
    const asAnn = await getUser.execute({ handle: ann.handle.toUpperCase() }, sessionPrincipal(ann));
    expect(asAnn).toMatchObject({ id: ann.id, email: ann.email, emailVerified: true, suspended: null });
    const asAdmin = await getUser.execute({ id: ann.id }, await identity.admin());
    expect(asAdmin).toMatchObject({ email: ann.email, suspended: true });
    await expect(getUser.execute({ handle: 'nobody-here' }, anonymous)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves unknown ids out of a batch, and tells other services kind and suspension whoever asks', async () => {
    const [ann, bob] = [
      await identity.givenUser({ passwordHash: 'unused', kind: 'EMPLOYEE' }),
      await identity.givenUser({ passwordHash: 'unused', suspended: true }),
    ];
    const unknown = '00000000-0000-4000-8000-000000000000';
    const { users } = await identity.get(GetUsersUseCase).execute({ ids: [ann.id, unknown, bob.id] }, anonymous);
    expect(users.map((user) => [user.id, user.suspended]).sort()).toEqual(
      [
        [ann.id, null],
        [bob.id, null],
      ].sort(),
    );
    const standings = await identity.get(GetUserStandingsUseCase).execute({ ids: [ann.id, bob.id, unknown] });
    expect(standings.users).toEqual(
      expect.arrayContaining([
        { id: ann.id, kind: 'EMPLOYEE', suspended: false },
        { id: bob.id, kind: 'CUSTOMER', suspended: true },
      ]),
    );
    expect(standings.users).toHaveLength(2);
    expect(await identity.get(GetUsersUseCase).execute({ ids: [] }, anonymous)).toEqual({ users: [] });
  });

  it('counts the community, suspended accounts left out, for admins and community managers only', async () => {
    const count = identity.get(CountUsersUseCase);
    const before = await count.execute(await identity.admin());
    await identity.givenUser({ passwordHash: 'unused' });
    await identity.givenUser({ passwordHash: 'unused', suspended: true });
    const manager = await identity.givenUser({
      passwordHash: 'unused',
      kind: 'EMPLOYEE',
      roles: ['COMMUNITY_MANAGER'],
    });
    expect(await count.execute(sessionPrincipal(manager))).toEqual({
      employees: before.employees + 1,
      customers: before.customers + 1,
    });
    const employee = await identity.givenUser({ passwordHash: 'unused', kind: 'EMPLOYEE' });
    await expect(count.execute(sessionPrincipal(employee))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
