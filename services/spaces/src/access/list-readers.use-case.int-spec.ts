import type { Audience, JoinPolicy, MembershipStatus, PlatformRole } from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { SpacesRepository } from '../spaces/spaces.repository';
import { AccessModule } from './access.module';
import { ListReadersUseCase } from './list-readers.use-case';

/**
 * `spaces.access.readers`: which of many users may read a space, for a notification fan-out or the
 * routing of a question. The callers send each user's kind and platform roles; who of them is staff
 * is decided here, as for a principal.
 */

type Reader = { userId: string; kind: 'EMPLOYEE' | 'CUSTOMER'; roles?: PlatformRole[]; staff?: boolean };

let medium: MediumService;
let spaces: SpacesRepository;
let memberships: MembershipsRepository;

beforeAll(async () => {
  medium = await MediumService.start({ schema: 'spaces', migrations, imports: [AccessModule] });
  spaces = medium.get(SpacesRepository);
  memberships = medium.get(MembershipsRepository);
});
afterAll(() => medium?.stop());

let spaceCount = 0;
async function space(audience: Audience, joinPolicy: JoinPolicy): Promise<string> {
  const id = randomUUID();
  await spaces.insert({
    id,
    slug: `readers-${++spaceCount}`,
    name: 'A space',
    description: '',
    audience,
    joinPolicy,
    purpose: 'PRACTICE',
    language: 'en',
    guidelines: null,
    topicIds: [],
    createdBy: randomUUID(),
  });
  return id;
}
const member = (spaceId: string, userId: string, status: MembershipStatus = 'ACTIVE') =>
  memberships.add({ spaceId, userId, role: 'MEMBER', status, guidelinesAccepted: true });
const user = (kind: Reader['kind'], more: Omit<Reader, 'userId' | 'kind'> = { roles: [] }): Reader => ({
  userId: randomUUID(),
  kind,
  ...more,
});
async function readersOf(spaceId: string, users: Reader[]): Promise<Reader[]> {
  const { userIds } = await medium.get(ListReadersUseCase).execute({ spaceId, users });
  return users.filter((candidate) => userIds.includes(candidate.userId));
}

it('when staff are asked about an internal INVITE space they are not in, they read it; nobody else does', async () => {
  const id = await space('INTERNAL', 'INVITE');
  const admin = user('EMPLOYEE', { roles: ['ADMIN'] });
  const manager = user('EMPLOYEE', { roles: ['COMMUNITY_MANAGER'] });
  const employee = user('EMPLOYEE');
  expect(await readersOf(id, [admin, manager, employee])).toEqual([admin, manager]);
});

it('when a customer still carries an ADMIN role (a stale list), they read only what customers read', async () => {
  const internal = await space('INTERNAL', 'OPEN');
  const external = await space('EXTERNAL', 'APPROVAL');
  const stale = user('CUSTOMER', { roles: ['ADMIN'] });
  expect(await readersOf(internal, [stale])).toEqual([]);
  expect(await readersOf(external, [stale])).toEqual([]);
});

it('when employees are asked about an APPROVAL space, only its active members read it, not those who asked', async () => {
  const id = await space('INTERNAL', 'APPROVAL');
  const [active, pending, outsider] = [user('EMPLOYEE'), user('EMPLOYEE'), user('EMPLOYEE')];
  await member(id, active.userId);
  await member(id, pending.userId, 'PENDING');
  expect(await readersOf(id, [active, pending, outsider])).toEqual([active]);
});

it('when an employee has left the company, their memberships of internal spaces count for nothing', async () => {
  const id = await space('INTERNAL', 'OPEN');
  const former = user('CUSTOMER');
  await member(id, former.userId);
  expect(await readersOf(id, [former])).toEqual([]);
});

it('when a caller sends the deprecated staff flag, it counts only without roles, and only for employees', async () => {
  const id = await space('INTERNAL', 'INVITE');
  const flagged = user('EMPLOYEE', { staff: true });
  const rolesWin = user('EMPLOYEE', { roles: [], staff: true });
  // As with roles: a stale flag on someone who is a customer now must not carry them inside.
  const flaggedCustomer = user('CUSTOMER', { staff: true });
  expect(await readersOf(id, [flagged, rolesWin, flaggedCustomer])).toEqual([flagged]);
});

it('when nobody is asked about, or the space does not exist, nobody reads', async () => {
  const id = await space('EXTERNAL', 'OPEN');
  expect(await medium.get(ListReadersUseCase).execute({ spaceId: id, users: [] })).toEqual({ userIds: [] });
  expect(await readersOf(randomUUID(), [user('EMPLOYEE', { roles: ['ADMIN'] })])).toEqual([]);
});

it('when a thousand people are asked about at once, every one of them is answered', async () => {
  const id = await space('EXTERNAL', 'OPEN');
  const many = Array.from({ length: 1000 }, (_, index) => user(index % 2 ? 'CUSTOMER' : 'EMPLOYEE'));
  expect(await readersOf(id, many)).toEqual(many);
});
