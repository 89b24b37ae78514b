import { queryDatabase } from '@kern/testing';
import {
  APPROVE,
  ARCHIVE,
  BAN,
  Community,
  DIRECTORY,
  INVITE_MEMBER,
  JOIN,
  LEAVE,
  MEMBERS,
  REMOVE,
  SET_ROLE,
  SPACE_BY_ID,
  UNBAN,
  UPDATE_SPACE,
  type Person,
} from './community';

let community: Community;
let owner: Person;
let topic: string;

beforeAll(async () => {
  community = await Community.start();
  topic = await community.topic('payments');
  owner = await community.employee('olga', { manager: true });
});
afterAll(() => community?.stop());

const slugsOf = (connection: { edges: Array<{ node: { slug: string } }> }) =>
  connection.edges.map((edge) => edge.node.slug);

describe('creating spaces', () => {
  it('employees create INTERNAL spaces and own them; EXTERNAL ones are for admins and community managers', async () => {
    const emil = await community.employee('emil');
    const space = await community.space(emil, {
      slug: 'emil-cases',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    expect(space).toMatchObject({
      purpose: 'PRACTICE',
      memberCount: 1,
      viewerCanModerate: true,
      viewerMembership: { role: 'OWNER', status: 'ACTIVE' },
    });
    const external = {
      input: {
        slug: 'emil-help',
        name: 'Help',
        description: '',
        audience: 'EXTERNAL',
        joinPolicy: 'OPEN',
        topics: [topic],
      },
    };
    expect(
      await emil.client.errorCode(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
        external,
      ),
    ).toBe('FORBIDDEN');
    const made = await community.space(owner, {
      slug: 'help',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    expect(made.purpose).toBe('SERVICE');
  });

  it('customers create none, and bad input is a clear BAD_USER_INPUT or CONFLICT', async () => {
    const cora = await community.customer('cora');
    const create = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`;
    const input = {
      slug: 'cora-space',
      name: 'Cora',
      description: '',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    };
    expect(await cora.client.errorCode(create, { input })).toBe('FORBIDDEN');

    const response = await owner.client.request(create, { input: { ...input, topics: ['no-such-topic'] } });
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('no-such-topic'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await owner.client.errorCode(create, { input: { ...input, slug: 'Not a slug!' } })).toBe('BAD_USER_INPUT');
    expect(await owner.client.errorCode(create, { input: { ...input, topics: [] } })).toBe('BAD_USER_INPUT');
    expect(await owner.client.errorCode(create, { input: { ...input, slug: 'help' } })).toBe('CONFLICT');
  });

  it('ids are random UUIDs, not sequences', async () => {
    const rows = await queryDatabase<{ id: string }>(
      community.stack.database.url,
      `SELECT id::text FROM spaces.spaces`,
    );
    for (const { id } of rows)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('guidelines', () => {
  it('must be accepted to join, and the acceptance is recorded with its time', async () => {
    const space = await community.space(owner, {
      slug: 'rules',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
      guidelines: 'Be kind.',
    });
    const cora = await community.customer('cody');
    const refused = await cora.client.request(JOIN, { spaceId: space.id });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('acceptGuidelines'),
    });
    expect((await cora.client.ok(SPACE_BY_ID, { id: space.id })).space.viewerCanPost).toBe(false);

    const before = Date.now();
    const { joinSpace } = await cora.client.ok(JOIN, { spaceId: space.id, accept: true });
    expect(joinSpace).toMatchObject({ status: 'ACTIVE', user: { handle: 'cody' }, space: { slug: 'rules' } });
    expect(Date.parse(joinSpace.guidelinesAcceptedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await cora.client.ok(SPACE_BY_ID, { id: space.id })).space.viewerCanPost).toBe(true);
  });
});

describe('join requests', () => {
  it('wait for a moderator in APPROVAL spaces; members read, requesters do not', async () => {
    const space = await community.space(owner, {
      slug: 'partners',
      audience: 'EXTERNAL',
      joinPolicy: 'APPROVAL',
      topics: [topic],
    });
    const pia = await community.customer('pia');
    expect((await pia.client.ok(JOIN, { spaceId: space.id })).joinSpace).toMatchObject({
      status: 'PENDING',
      role: 'MEMBER',
    });
    expect((await pia.client.ok(SPACE_BY_ID, { id: space.id })).space).toMatchObject({
      viewerCanPost: false,
      memberCount: 1,
      viewerMembership: { status: 'PENDING' },
    });
    expect(await pia.client.errorCode(MEMBERS, { id: space.id })).toBe('FORBIDDEN');

    const pending = await owner.client.ok(MEMBERS, { id: space.id, status: 'PENDING' });
    expect(
      pending.space.members.edges.map((edge: { node: { user: { handle: string } } }) => edge.node.user.handle),
    ).toEqual(['pia']);
    expect(await pia.client.errorCode(APPROVE, { spaceId: space.id, userId: pia.id })).toBe('FORBIDDEN');

    expect((await owner.client.ok(APPROVE, { spaceId: space.id, userId: pia.id })).approveMember.status).toBe('ACTIVE');
    expect((await pia.client.ok(SPACE_BY_ID, { id: space.id })).space).toMatchObject({
      viewerCanPost: true,
      memberCount: 2,
    });
    const members = await pia.client.ok(MEMBERS, { id: space.id });
    expect(
      members.space.members.edges.map((edge: { node: { user: { handle: string } } }) => edge.node.user.handle),
    ).toEqual(['olga', 'pia']);
  });

  it('can be withdrawn by leaving, and declined by removing', async () => {
    const space = await community.space(owner, {
      slug: 'beta',
      audience: 'EXTERNAL',
      joinPolicy: 'APPROVAL',
      topics: [topic],
    });
    const [quinn, rosa] = await Promise.all([community.customer('quinn'), community.customer('rosa')]);
    await quinn.client.ok(JOIN, { spaceId: space.id });
    await rosa.client.ok(JOIN, { spaceId: space.id });
    expect((await quinn.client.ok(LEAVE, { spaceId: space.id })).leaveSpace).toBe(true);
    expect((await owner.client.ok(REMOVE, { spaceId: space.id, userId: rosa.id })).removeMember).toBe(true);
    expect((await owner.client.ok(MEMBERS, { id: space.id, status: 'PENDING' })).space.members.edges).toEqual([]);
  });
});

describe('invitations into a space', () => {
  it('add someone from the audience at once; customers are never added to INTERNAL spaces', async () => {
    const internal = await community.space(owner, {
      slug: 'war-room',
      audience: 'INTERNAL',
      joinPolicy: 'INVITE',
      topics: [topic],
    });
    const [ivan, sam] = await Promise.all([community.employee('ivan'), community.customer('sam')]);
    expect(await ivan.client.errorCode(SPACE_BY_ID, { id: internal.id })).toBe('NOT_FOUND');
    expect((await owner.client.ok(INVITE_MEMBER, { spaceId: internal.id, userId: ivan.id })).inviteMember).toEqual({
      role: 'MEMBER',
      status: 'ACTIVE',
    });
    expect((await ivan.client.ok(SPACE_BY_ID, { id: internal.id })).space.viewerCanPost).toBe(true);

    const refused = await owner.client.request(INVITE_MEMBER, { spaceId: internal.id, userId: sam.id });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'Customers cannot join internal spaces',
    });
    expect(await ivan.client.errorCode(INVITE_MEMBER, { spaceId: internal.id, userId: sam.id })).toBe('FORBIDDEN');
  });
});

describe('bans', () => {
  it('remove the member, keep them out, and end when lifted', async () => {
    const space = await community.space(owner, {
      slug: 'forum',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    const tom = await community.customer('tom');
    await tom.client.ok(JOIN, { spaceId: space.id });
    expect((await owner.client.ok(BAN, { spaceId: space.id, userId: tom.id })).banMember).toBe(true);

    const after = (await tom.client.ok(SPACE_BY_ID, { id: space.id })).space;
    expect(after).toMatchObject({ viewerMembership: null, viewerCanPost: false });
    expect(await tom.client.errorCode(JOIN, { spaceId: space.id })).toBe('FORBIDDEN');
    expect(await owner.client.errorCode(INVITE_MEMBER, { spaceId: space.id, userId: tom.id })).toBe('CONFLICT');

    await owner.client.ok(UNBAN, { spaceId: space.id, userId: tom.id });
    expect((await tom.client.ok(JOIN, { spaceId: space.id })).joinSpace.status).toBe('ACTIVE');
  });
});

describe('owners', () => {
  it('the last owner cannot leave or be demoted, until there is another', async () => {
    const space = await community.space(owner, {
      slug: 'owners',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    const uma = await community.employee('uma');
    const leave = await owner.client.request(LEAVE, { spaceId: space.id });
    expect(leave.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('last owner'),
    });
    expect(await owner.client.errorCode(SET_ROLE, { spaceId: space.id, userId: owner.id, role: 'MEMBER' })).toBe(
      'CONFLICT',
    );

    await uma.client.ok(JOIN, { spaceId: space.id });
    expect(await uma.client.errorCode(SET_ROLE, { spaceId: space.id, userId: uma.id, role: 'OWNER' })).toBe(
      'FORBIDDEN',
    );
    await owner.client.ok(SET_ROLE, { spaceId: space.id, userId: uma.id, role: 'OWNER' });
    expect((await owner.client.ok(LEAVE, { spaceId: space.id })).leaveSpace).toBe(true);
    expect(await uma.client.errorCode(LEAVE, { spaceId: space.id })).toBe('CONFLICT');
  });

  it('moderators manage members but cannot remove an owner', async () => {
    const space = await community.space(owner, {
      slug: 'mods',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    const [vera, walt] = await Promise.all([community.employee('vera'), community.employee('walt')]);
    await vera.client.ok(JOIN, { spaceId: space.id });
    await walt.client.ok(JOIN, { spaceId: space.id });
    await owner.client.ok(SET_ROLE, { spaceId: space.id, userId: vera.id, role: 'MODERATOR' });
    expect(await vera.client.errorCode(REMOVE, { spaceId: space.id, userId: owner.id })).toBe('FORBIDDEN');
    expect((await vera.client.ok(REMOVE, { spaceId: space.id, userId: walt.id })).removeMember).toBe(true);
  });
});

describe('changing a space', () => {
  it('EXTERNAL -> INTERNAL is refused while customers are members', async () => {
    const space = await community.space(owner, {
      slug: 'support',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    const xia = await community.customer('xia');
    await xia.client.ok(JOIN, { spaceId: space.id });
    const refused = await owner.client.request(UPDATE_SPACE, { input: { spaceId: space.id, audience: 'INTERNAL' } });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('1 customer member'),
    });
    expect((await xia.client.ok(SPACE_BY_ID, { id: space.id })).space.audience).toBe('EXTERNAL');

    await xia.client.ok(LEAVE, { spaceId: space.id });
    expect(
      (await owner.client.ok(UPDATE_SPACE, { input: { spaceId: space.id, audience: 'INTERNAL' } })).updateSpace
        .audience,
    ).toBe('INTERNAL');
    expect(await xia.client.errorCode(SPACE_BY_ID, { id: space.id })).toBe('NOT_FOUND');
  });

  it('INTERNAL -> EXTERNAL needs the explicit confirmation, and is for admins and community managers', async () => {
    const emil = await community.employee('yuri');
    const space = await community.space(emil, {
      slug: 'yuri-notes',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    expect(
      await emil.client.errorCode(UPDATE_SPACE, {
        input: { spaceId: space.id, audience: 'EXTERNAL', confirmPublish: true },
      }),
    ).toBe('FORBIDDEN');
    expect(await owner.client.errorCode(UPDATE_SPACE, { input: { spaceId: space.id, audience: 'EXTERNAL' } })).toBe(
      'CONFIRMATION_REQUIRED',
    );
    const { updateSpace } = await owner.client.ok(UPDATE_SPACE, {
      input: { spaceId: space.id, audience: 'EXTERNAL', confirmPublish: true },
    });
    expect(updateSpace.audience).toBe('EXTERNAL');
    expect((await community.anonymous.ok(SPACE_BY_ID, { id: space.id })).space.slug).toBe('yuri-notes');
  });

  it('only owners change a space; archived spaces are read-only', async () => {
    const space = await community.space(owner, {
      slug: 'old',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    const zoe = await community.customer('zoe');
    await zoe.client.ok(JOIN, { spaceId: space.id });
    expect(await zoe.client.errorCode(UPDATE_SPACE, { input: { spaceId: space.id, name: 'Mine' } })).toBe('FORBIDDEN');
    expect(
      (await owner.client.ok(UPDATE_SPACE, { input: { spaceId: space.id, name: 'Old times' } })).updateSpace.name,
    ).toBe('Old times');

    expect((await owner.client.ok(ARCHIVE, { spaceId: space.id })).archiveSpace.archived).toBe(true);
    expect((await zoe.client.ok(SPACE_BY_ID, { id: space.id })).space).toMatchObject({
      archived: true,
      viewerCanPost: false,
    });
    expect(await (await community.customer('abe')).client.errorCode(JOIN, { spaceId: space.id })).toBe('FORBIDDEN');
    expect(slugsOf((await zoe.client.ok(DIRECTORY, { first: 100 })).spaces)).not.toContain('old');
    await owner.client.ok(ARCHIVE, { spaceId: space.id, archived: false });
    expect((await zoe.client.ok(SPACE_BY_ID, { id: space.id })).space.viewerCanPost).toBe(true);
  });
});

describe('the directory', () => {
  it('filters by topic, sub-topics included, and by audience', async () => {
    await community.topic('cloud');
    await community.topic('kubernetes', 'cloud');
    await community.topic('helm', 'kubernetes');
    await community.space(owner, { slug: 'k8s', audience: 'EXTERNAL', joinPolicy: 'OPEN', topics: ['kubernetes'] });
    await community.space(owner, {
      slug: 'helm-charts',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: ['helm', topic],
    });
    await community.space(owner, { slug: 'clouds', audience: 'EXTERNAL', joinPolicy: 'APPROVAL', topics: ['cloud'] });

    expect(slugsOf((await owner.client.ok(DIRECTORY, { topic: 'cloud' })).spaces)).toEqual([
      'clouds',
      'helm-charts',
      'k8s',
    ]);
    expect(slugsOf((await owner.client.ok(DIRECTORY, { topic: 'kubernetes' })).spaces)).toEqual(['helm-charts', 'k8s']);
    expect(slugsOf((await owner.client.ok(DIRECTORY, { topic: 'cloud', audience: 'EXTERNAL' })).spaces)).toEqual([
      'clouds',
      'k8s',
    ]);
    expect(slugsOf((await community.anonymous.ok(DIRECTORY, { topic: 'cloud' })).spaces)).toEqual(['k8s']);
    expect(await owner.client.errorCode(DIRECTORY, { topic: 'nonsense' })).toBe('BAD_USER_INPUT');
  });

  it('pages by cursor without gaps or repeats', async () => {
    const all = slugsOf((await owner.client.ok(DIRECTORY, { first: 100 })).spaces);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const {
        spaces,
      }: {
        spaces: { edges: Array<{ node: { slug: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = await owner.client.ok(DIRECTORY, { first: 3, after });
      paged.push(...slugsOf(spaces));
      if (!spaces.pageInfo.hasNextPage) break;
      after = spaces.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(6);
    expect(await owner.client.errorCode(DIRECTORY, { first: 0 })).toBe('BAD_USER_INPUT');
  });

  it("an employee's own spaces list internal and external together, each with its audience", async () => {
    const nora = await community.employee('nora');
    const external = await community.space(owner, {
      slug: 'nora-ext',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: [topic],
    });
    await community.space(nora, { slug: 'nora-int', audience: 'INTERNAL', joinPolicy: 'INVITE', topics: [topic] });
    await nora.client.ok(JOIN, { spaceId: external.id });
    const { mySpaces } = await nora.client.ok(
      `{ mySpaces { edges { node { slug audience viewerMembership { role } } } } }`,
    );
    expect(mySpaces.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { slug: 'nora-ext', audience: 'EXTERNAL', viewerMembership: { role: 'MEMBER' } },
      { slug: 'nora-int', audience: 'INTERNAL', viewerMembership: { role: 'OWNER' } },
    ]);
  });

  it('recommends joinable spaces by the skills the viewer declared, sub-topics included', async () => {
    await community.topic('tax');
    await community.topic('vat', 'tax');
    await community.topic('payroll');
    await community.space(owner, { slug: 'vat-questions', audience: 'EXTERNAL', joinPolicy: 'OPEN', topics: ['vat'] });
    await community.space(owner, { slug: 'tax-talk', audience: 'EXTERNAL', joinPolicy: 'APPROVAL', topics: ['tax'] });
    await community.space(owner, {
      slug: 'payroll-help',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: ['payroll'],
    });
    await community.space(owner, { slug: 'tax-internal', audience: 'INTERNAL', joinPolicy: 'OPEN', topics: ['tax'] });
    await community.space(owner, { slug: 'tax-secret', audience: 'EXTERNAL', joinPolicy: 'INVITE', topics: ['tax'] });
    const ada = await community.customer('ada');
    const RECOMMENDED = `{ recommendedSpaces(first: 50) { slug } }`;
    const recommended = async () =>
      (await ada.client.ok(RECOMMENDED)).recommendedSpaces.map((space: { slug: string }) => space.slug);

    const { declareSkill } = await ada.client.ok(
      `mutation { declareSkill(topic: "tax", level: EXPERT) { topic { slug } level endorsementCount evidenceScore } }`,
    );
    expect(declareSkill).toEqual({ topic: { slug: 'tax' }, level: 'EXPERT', endorsementCount: 0, evidenceScore: 0 });
    await ada.client.ok(`mutation { declareSkill(topic: "payroll", level: LEARNING) { level } }`);
    const ranked = await recommended();
    expect(ranked.slice(0, 3)).toEqual(['tax-talk', 'vat-questions', 'payroll-help']);
    expect(ranked).not.toContain('tax-internal');
    expect(ranked).not.toContain('tax-secret');

    await ada.client.ok(JOIN, { spaceId: (await ada.client.ok(`{ space(slug: "tax-talk") { id } }`)).space.id });
    expect(await recommended()).not.toContain('tax-talk');
    expect(await ada.client.errorCode(`mutation { declareSkill(topic: "astrology", level: EXPERT) { level } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect((await community.anonymous.ok(RECOMMENDED)).recommendedSpaces).toEqual([]);
  });
});
