import { Community, INVITE_MEMBER, type Person } from '../spaces/community';
import { REPLY } from '../threads/forum';

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const SPACE_INSIGHTS = `query($id: ID!) { spaceInsights(spaceId: $id) {
  space { slug } members rings { core active peripheral observer } activeShare questions answeredShare medianFirstResponseMinutes employeeShareOfReplies
} }`;
const COMMUNITY = `{ communityInsights { employees customers ambassadorShare rings { core active peripheral observer } crossSpaceShare answeredShare medianFirstResponseMinutes } }`;
const RINGS = `query($id: ID!) { space(id: $id) { members(first: 50) { edges { node { ring user { handle } } } } } }`;

let community: Community;
let manager: Person;
let employee: Person;
let people: Record<'ann' | 'bob' | 'cid' | 'dee', Person>;
let space: { id: string };

beforeAll(async () => {
  community = await Community.start();
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  employee = await community.employee('emil');
  const [ann, bob, cid, dee] = await Promise.all(
    ['ann', 'bob', 'cid', 'dee'].map((handle) => community.customer(handle)),
  );
  people = { ann, bob, cid, dee };
  space = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'APPROVAL',
    topics: ['billing'],
  });
  for (const person of [ann, bob, cid, dee, employee])
    await manager.client.ok(INVITE_MEMBER, { spaceId: space.id, userId: person.id });

  // ann: a question and 9 replies (CORE); bob: 3 replies (ACTIVE); cid: 1 (PERIPHERAL); dee and olga: nothing.
  const question = (
    await ann.client.ok(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title: 'Where is my invoice?', body: '?' },
    })
  ).startThread;
  await bob.client.ok(REPLY, { input: { threadId: question.id, body: 'In your account page.' } });
  for (let n = 0; n < 9; n += 1) await ann.client.ok(REPLY, { input: { threadId: question.id, body: `thanks ${n}` } });
  for (let n = 0; n < 2; n += 1) await bob.client.ok(REPLY, { input: { threadId: question.id, body: `more ${n}` } });
  await cid.client.ok(REPLY, { input: { threadId: question.id, body: 'same here' } });
  // emil: one public reply and three internal notes.
  await employee.client.ok(REPLY, { input: { threadId: question.id, body: 'Fixed it for you.' } });
  for (let n = 0; n < 3; n += 1)
    await employee.client.ok(REPLY, { input: { threadId: question.id, body: `note ${n}`, visibility: 'INTERNAL' } });
});
afterAll(() => community?.stop());

it("shows a space's moderators its rings and how its questions are answered", async () => {
  const { spaceInsights } = await manager.client.ok(SPACE_INSIGHTS, { id: space.id });
  expect(spaceInsights).toMatchObject({
    space: { slug: 'help' },
    members: 6,
    // emil's three internal notes make him ACTIVE for an employee.
    rings: { core: 1, active: 2, peripheral: 1, observer: 2 },
    activeShare: 3 / 6,
    questions: 1,
    answeredShare: 1,
  });
  expect(spaceInsights.medianFirstResponseMinutes).toBeGreaterThanOrEqual(0);
  expect(spaceInsights.employeeShareOfReplies).toBeCloseTo(4 / 17, 5);
});

it('is for moderators only', async () => {
  expect(await people.ann.client.errorCode(SPACE_INSIGHTS, { id: space.id })).toBe('FORBIDDEN');
  expect(await community.anonymous.errorCode(SPACE_INSIGHTS, { id: space.id })).toBe('NOT_FOUND');
});

it('computes rings for customers from what they may see: internal notes never count', async () => {
  const ring = async (viewer: Person, handle: string) =>
    (await viewer.client.ok(RINGS, { id: space.id })).space.members.edges.find(
      (edge: { node: { user: { handle: string } } }) => edge.node.user.handle === handle,
    ).node.ring;
  expect(await ring(manager, 'ann')).toBe('CORE');
  expect(await ring(manager, 'emil')).toBe('ACTIVE');
  expect(await ring(people.dee, 'emil')).toBe('PERIPHERAL');
  expect(await ring(people.dee, 'dee')).toBe('OBSERVER');
});

it('shows community managers the whole community', async () => {
  await employee.client.ok(`mutation { updateProfile(input: { ambassador: true }) { ambassador } }`);
  const { communityInsights } = await manager.client.ok(COMMUNITY);
  // Employees: the bootstrap admin, olga and emil; customers: ann, bob, cid, dee.
  expect(communityInsights).toMatchObject({
    employees: 3,
    customers: 4,
    ambassadorShare: 1 / 3,
    answeredShare: 1,
    crossSpaceShare: 0,
  });
  expect(communityInsights.rings).toEqual({ core: 1, active: 2, peripheral: 1, observer: 3 });
  expect(await people.ann.client.errorCode(COMMUNITY)).toBe('FORBIDDEN');
});
