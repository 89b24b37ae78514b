import { spaces, type Principal } from '@kern/contracts';
import { DomainError } from '@kern/messaging';
import {
  Community,
  DIRECTORY,
  JOIN,
  NODE,
  SPACE_BY_ID,
  SPACE_BY_SLUG,
  INVITE_MEMBER,
  SET_ROLE,
  type Person,
} from './community';

/**
 * The boundary, as a table: every kind of viewer against every audience and join policy, for every
 * way of reaching a space. A space a viewer may not see must look exactly like one that does not
 * exist (NOT_FOUND, or null from `node`), never FORBIDDEN.
 */
type Viewer = 'anonymous' | 'customer' | 'customerMember' | 'employee' | 'employeeMember' | 'moderator' | 'admin';
type Audience = 'INTERNAL' | 'EXTERNAL';
type Policy = 'OPEN' | 'APPROVAL' | 'INVITE';

const VIEWERS: Viewer[] = [
  'anonymous',
  'customer',
  'customerMember',
  'employee',
  'employeeMember',
  'moderator',
  'admin',
];
const SPACES: Array<[Audience, Policy]> = [
  ['INTERNAL', 'OPEN'],
  ['INTERNAL', 'APPROVAL'],
  ['INTERNAL', 'INVITE'],
  ['EXTERNAL', 'OPEN'],
  ['EXTERNAL', 'APPROVAL'],
  ['EXTERNAL', 'INVITE'],
];
const member = (viewer: Viewer) => ['customerMember', 'employeeMember', 'moderator'].includes(viewer);

/** Whether the space exists for the viewer at all. */
function sees(viewer: Viewer, audience: Audience, policy: Policy): boolean {
  switch (viewer) {
    case 'anonymous':
      return audience === 'EXTERNAL' && policy === 'OPEN';
    case 'customer':
      return audience === 'EXTERNAL' && policy !== 'INVITE';
    case 'customerMember':
      // A former employee: their memberships of internal spaces count for nothing now.
      return audience === 'EXTERNAL';
    case 'employee':
      return policy !== 'INVITE';
    default:
      return true;
  }
}

function mayPost(viewer: Viewer, policy: Policy): boolean {
  if (viewer === 'anonymous') return false;
  return member(viewer) || viewer === 'admin' || policy === 'OPEN';
}

/** What `joinSpace` answers: a membership status, or an error code. */
function joinOutcome(viewer: Viewer, audience: Audience, policy: Policy): string {
  // Signing in comes first, for any id: it says nothing about whether the space exists.
  if (viewer === 'anonymous') return 'UNAUTHENTICATED';
  if (!sees(viewer, audience, policy)) return 'NOT_FOUND';
  if (member(viewer) || viewer === 'admin' || policy === 'OPEN') return 'ACTIVE';
  return 'PENDING';
}

const slugOf = (audience: Audience, policy: Policy) => `${audience}-${policy}`.toLowerCase();

let community: Community;
let people: Record<Viewer, Person | null>;
const ids = new Map<string, string>();
let directory: Map<Viewer, string[]>;

beforeAll(async () => {
  community = await Community.start();
  const topic = await community.topic('billing');
  const owner = await community.employee('olga', { manager: true });
  const [customer, formerEmployee, employee, employeeMember, moderator] = await Promise.all([
    community.customer('cora'),
    community.employee('xena'),
    community.employee('emil'),
    community.employee('emma'),
    community.employee('mona'),
  ]);
  for (const [audience, policy] of SPACES) {
    const space = await community.space(owner, {
      slug: slugOf(audience, policy),
      audience,
      joinPolicy: policy,
      topics: [topic],
    });
    ids.set(space.slug, space.id);
    for (const person of [formerEmployee, employeeMember, moderator])
      await owner.client.ok(INVITE_MEMBER, { spaceId: space.id, userId: person.id });
    await owner.client.ok(SET_ROLE, { spaceId: space.id, userId: moderator.id, role: 'MODERATOR' });
  }
  // xena leaves the company and keeps her account as a customer; she signs in again as one.
  await community.admin.client.ok(`mutation($id: ID!) { setUserKind(userId: $id, kind: CUSTOMER) { kind } }`, {
    id: formerEmployee.id,
  });
  const { login } = await community.anonymous.ok(
    `mutation { login(input: { email: "xena@kern-corp.test", password: "correct horse battery staple" }) { accessToken } }`,
  );
  people = {
    anonymous: null,
    customer,
    customerMember: { ...formerEmployee, client: community.anonymous.withToken(login.accessToken) },
    employee,
    employeeMember,
    moderator,
    admin: community.admin,
  };
  directory = new Map();
  for (const viewer of VIEWERS) {
    const { spaces } = await clientOf(viewer).ok(DIRECTORY, { first: 100 });
    directory.set(
      viewer,
      spaces.edges.map((edge: { node: { slug: string } }) => edge.node.slug),
    );
  }
});
afterAll(() => community?.stop());

const clientOf = (viewer: Viewer) => people[viewer]?.client ?? community.anonymous;
const cases = VIEWERS.flatMap((viewer) => SPACES.map(([audience, policy]) => [viewer, audience, policy] as const));

describe.each(cases)('%s and an %s %s space', (viewer, audience, policy) => {
  const slug = slugOf(audience, policy);
  const visible = sees(viewer, audience, policy);

  it(`${visible ? 'lists' : 'does not list'} it in the directory`, () => {
    expect(directory.get(viewer)!.includes(slug)).toBe(visible);
  });

  it(`${visible ? 'finds' : 'answers NOT_FOUND for'} it by id, by slug and through node`, async () => {
    const client = clientOf(viewer);
    const id = ids.get(slug)!;
    if (visible) {
      expect((await client.ok(SPACE_BY_ID, { id })).space).toMatchObject({ slug, audience, joinPolicy: policy });
      expect((await client.ok(SPACE_BY_SLUG, { slug })).space.id).toBe(id);
      expect((await client.ok(NODE, { id })).node).toEqual({ id, slug });
    } else {
      expect(await client.errorCode(SPACE_BY_ID, { id })).toBe('NOT_FOUND');
      expect(await client.errorCode(SPACE_BY_SLUG, { slug })).toBe('NOT_FOUND');
      expect((await client.ok(NODE, { id })).node).toBeNull();
    }
  });

  if (visible) {
    it(`${mayPost(viewer, policy) ? 'may' : 'may not'} post in it`, async () => {
      expect((await clientOf(viewer).ok(SPACE_BY_ID, { id: ids.get(slug)! })).space.viewerCanPost).toBe(
        mayPost(viewer, policy),
      );
    });
  }

  it(`joining answers ${joinOutcome(viewer, audience, policy)}`, async () => {
    const response = await clientOf(viewer).request(JOIN, { spaceId: ids.get(slug)! });
    const outcome = response.errors?.[0].extensions?.code ?? response.data?.joinSpace.status;
    expect(outcome).toBe(joinOutcome(viewer, audience, policy));
  });
});

it('a space id that never existed looks the same as a hidden one', async () => {
  const fake = Buffer.from('Space:00000000-0000-4000-8000-000000000000').toString('base64url');
  expect(await community.anonymous.errorCode(SPACE_BY_ID, { id: fake })).toBe('NOT_FOUND');
  expect((await community.anonymous.ok(NODE, { id: fake })).node).toBeNull();
  expect(await community.anonymous.errorCode(JOIN, { spaceId: fake })).toBe('UNAUTHENTICATED');
  expect(await people.customer!.client.errorCode(JOIN, { spaceId: fake })).toBe('NOT_FOUND');
});

describe('every other mutation on a hidden space', () => {
  const MUTATIONS: Array<[string, string]> = [
    ['leaveSpace', `mutation($spaceId: ID!) { leaveSpace(spaceId: $spaceId) }`],
    [
      'approveMember',
      `mutation($spaceId: ID!, $userId: ID!) { approveMember(spaceId: $spaceId, userId: $userId) { status } }`,
    ],
    [
      'inviteMember',
      `mutation($spaceId: ID!, $userId: ID!) { inviteMember(spaceId: $spaceId, userId: $userId) { status } }`,
    ],
    [
      'setMemberRole',
      `mutation($spaceId: ID!, $userId: ID!) { setMemberRole(spaceId: $spaceId, userId: $userId, role: OWNER) { status } }`,
    ],
    ['removeMember', `mutation($spaceId: ID!, $userId: ID!) { removeMember(spaceId: $spaceId, userId: $userId) }`],
    ['banMember', `mutation($spaceId: ID!, $userId: ID!) { banMember(spaceId: $spaceId, userId: $userId) }`],
    ['unbanMember', `mutation($spaceId: ID!, $userId: ID!) { unbanMember(spaceId: $spaceId, userId: $userId) }`],
    ['updateSpace', `mutation($spaceId: ID!) { updateSpace(input: { spaceId: $spaceId, name: "Mine now" }) { name } }`],
    ['archiveSpace', `mutation($spaceId: ID!) { archiveSpace(spaceId: $spaceId) { archived } }`],
  ];

  it.each(MUTATIONS)(
    '%s answers NOT_FOUND to a customer, for an internal space they were once in too',
    async (_name, mutation) => {
      for (const viewer of ['customer', 'customerMember'] as const) {
        const person = people[viewer]!;
        const response = await person.client.request(mutation, {
          spaceId: ids.get('internal-open')!,
          userId: person.id,
        });
        expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    },
  );
});

describe('posting needs more than seeing', () => {
  it('an unverified account reads an open space but may not post in it', async () => {
    const una = await community.customer('una', { verified: false });
    const { space } = await una.client.ok(SPACE_BY_ID, { id: ids.get('external-open')! });
    expect(space.viewerCanPost).toBe(false);
  });

  it('a READ API token may not post where its owner may', async () => {
    const CREATE = `mutation { createApiToken(input: { name: "reader", scopes: [READ] }) { token } }`;
    const { createApiToken } = await people.employeeMember!.client.ok(CREATE);
    const reader = community.anonymous.withToken(createApiToken.token);
    expect((await reader.ok(SPACE_BY_ID, { id: ids.get('internal-open')! })).space.viewerCanPost).toBe(false);
    expect(
      (await people.employeeMember!.client.ok(SPACE_BY_ID, { id: ids.get('internal-open')! })).space.viewerCanPost,
    ).toBe(true);
  });
});

describe('the spaces service itself, asked past the gateway', () => {
  const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
  const customer = (): Principal => ({
    kind: 'CUSTOMER',
    userId: rawId(people.customer!.id),
    roles: [],
    scopes: ['READ', 'WRITE'],
    emailVerified: true,
    credential: 'ACCESS_TOKEN',
  });
  const spaceIds = () => SPACES.map(([audience, policy]) => rawId(ids.get(slugOf(audience, policy))!));

  it('answers the access question only for spaces the principal may see', async () => {
    const { access } = await community.stack.services().call(spaces.checkAccess, { spaceIds: spaceIds() }, customer());
    const bySpace = new Map(access.map((entry) => [entry.spaceId, entry]));
    const expected = SPACES.filter(([audience, policy]) => sees('customer', audience, policy));
    expect(access).toHaveLength(expected.length);
    for (const [audience, policy] of expected) {
      expect(bySpace.get(rawId(ids.get(slugOf(audience, policy))!))).toMatchObject({
        audience: 'EXTERNAL',
        read: policy === 'OPEN',
      });
    }
  });

  it('lists readable spaces without internal ones, and hides them by id', async () => {
    const { spaceIds: readable } = await community.stack.services().call(spaces.readableSpaces, {}, customer());
    const internal = SPACES.filter(([audience]) => audience === 'INTERNAL').map(([audience, policy]) =>
      rawId(ids.get(slugOf(audience, policy))!),
    );
    expect(readable.filter((id) => internal.includes(id))).toEqual([]);
    expect(readable.length).toBeGreaterThan(0);
    const error = await community.stack
      .services()
      .call(spaces.getSpace, { id: internal[0] }, customer())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOT_FOUND');
  });
});
