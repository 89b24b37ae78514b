import { queryDatabase, waitFor } from '@kern/testing';
import { register } from '../identity/operations';
import { Community, type Person } from './community';

const INVITE = `mutation($email: String!, $kind: MemberKind!, $spaceIds: [ID!]) {
  createInvitation(input: { email: $email, kind: $kind, spaceIds: $spaceIds }) { token }
}`;
const MY_SPACES = `{ mySpaces { edges { node { slug viewerMembership { role status } } } } }`;

let community: Community;
let manager: Person;
let internal: { id: string };
let external: { id: string };

beforeAll(async () => {
  community = await Community.start();
  const topic = await community.topic('onboarding');
  manager = await community.employee('olga', { manager: true });
  internal = await community.space(manager, {
    slug: 'team',
    audience: 'INTERNAL',
    joinPolicy: 'INVITE',
    topics: [topic],
  });
  external = await community.space(manager, {
    slug: 'welcome',
    audience: 'EXTERNAL',
    joinPolicy: 'APPROVAL',
    topics: [topic],
  });
});
afterAll(() => community?.stop());

async function mySpaces(accessToken: string): Promise<string[]> {
  const { mySpaces: found } = await community.anonymous.withToken(accessToken).ok(MY_SPACES);
  return found.edges.map(
    (edge: { node: { slug: string; viewerMembership: { status: string } } }) =>
      `${edge.node.slug}:${edge.node.viewerMembership.status}`,
  );
}

describe("an invitation's spaces", () => {
  it('are joined on registering, as an active member', async () => {
    const { createInvitation } = await manager.client.ok(INVITE, {
      email: 'ines@kern-corp.test',
      kind: 'EMPLOYEE',
      spaceIds: [internal.id, external.id],
    });
    const ines = await register(community.anonymous, 'ines', 'ines@kern-corp.test', {
      invitationToken: createInvitation.token,
    });
    await waitFor(async () => (await mySpaces(ines.accessToken)).length === 2, { what: 'ines to be in both spaces' });
    expect(await mySpaces(ines.accessToken)).toEqual(['team:ACTIVE', 'welcome:ACTIVE']);
  });

  it('are joined even when the spaces service was down while the invitee registered', async () => {
    const { createInvitation } = await manager.client.ok(INVITE, {
      email: 'jon@customer.test',
      kind: 'CUSTOMER',
      spaceIds: [external.id],
    });
    await Promise.all(community.stack.find('spaces').map((process) => process.stop()));
    const jon = await register(community.anonymous, 'jon', 'jon@customer.test', {
      invitationToken: createInvitation.token,
    });
    await community.stack.startProcess('spaces');
    await waitFor(async () => (await mySpaces(jon.accessToken)).length === 1, { what: 'jon to be in the space' });
    expect(await mySpaces(jon.accessToken)).toEqual(['welcome:ACTIVE']);
    // Every invitation accepted so far (olga's, ines's, jon's) was applied once.
    const count = async (sql: string) =>
      (await queryDatabase<{ count: number }>(community.stack.database.url, sql))[0].count;
    const published = await count(
      `SELECT count(*)::int AS count FROM identity.outbox WHERE subject = 'events.identity.invitation.accepted'`,
    );
    expect(published).toBe(3);
    expect(await count(`SELECT count(*)::int AS count FROM spaces.inbox WHERE consumer = 'spaces-admit-invitee'`)).toBe(
      published,
    );
  });

  it('must exist for the inviter, and customers are never invited into internal ones', async () => {
    const unknown = Buffer.from('Space:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(
      await manager.client.errorCode(INVITE, { email: 'kim@customer.test', kind: 'CUSTOMER', spaceIds: [unknown] }),
    ).toBe('NOT_FOUND');
    const refused = await manager.client.request(INVITE, {
      email: 'kim@customer.test',
      kind: 'CUSTOMER',
      spaceIds: [internal.id],
    });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'Customers cannot be invited into internal spaces',
    });
  });

  it('publish nothing for a registration that fails', async () => {
    const count = async () =>
      (
        await queryDatabase<{ count: number }>(
          community.stack.database.url,
          `SELECT count(*)::int AS count FROM identity.outbox`,
        )
      )[0].count;
    const before = await count();
    const failed = await community.anonymous.request(
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: {
          email: 'liv@kern-corp.test',
          password: 'correct horse battery staple',
          displayName: 'Liv',
          handle: 'liv',
          invitationToken: 'kern_inv_not-a-real-token',
        },
      },
    );
    expect(failed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });
});
