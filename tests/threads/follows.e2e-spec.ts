import { Community, type Person } from '../spaces/community';
import { REPLY, START } from './forum';

const STATE = `query($id: ID!) { thread(id: $id) { viewerFollowLevel unreadCount } }`;
const FOLLOW = `mutation($id: ID!, $level: FollowLevel!) { followThread(threadId: $id, level: $level) { viewerFollowLevel unreadCount } }`;
const FOLLOW_SPACE = `mutation($id: ID!, $level: SpaceFollowLevel!) { followSpace(spaceId: $id, level: $level) }`;
const SPACE_LEVEL = `query($id: ID!) { space(id: $id) { viewerFollowLevel } }`;
const READ = `mutation($id: ID!) { markThreadRead(threadId: $id) { unreadCount } }`;

let community: Community;
let manager: Person;
let employee: Person;
let customer: Person;
let reader: Person;
let space: { id: string };

beforeAll(async () => {
  community = await Community.start();
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  [employee, customer, reader] = await Promise.all([
    community.employee('emil'),
    community.customer('cora'),
    community.customer('rene'),
  ]);
  space = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
});
afterAll(() => community?.stop());

const start = async (person: Person, title: string) =>
  (await person.client.ok(START, { input: { spaceId: space.id, kind: 'QUESTION', title, body: 'Body' } })).startThread;
const reply = (person: Person, threadId: string, body: string, visibility = 'EVERYONE') =>
  person.client.ok(REPLY, { input: { threadId, body, visibility } });

describe('following threads', () => {
  it('starting or replying makes you WATCHING; others are NORMAL until they choose', async () => {
    const thread = await start(customer, 'Watch me');
    expect((await customer.client.ok(STATE, { id: thread.id })).thread).toEqual({
      viewerFollowLevel: 'WATCHING',
      unreadCount: 0,
    });
    expect((await reader.client.ok(STATE, { id: thread.id })).thread).toEqual({
      viewerFollowLevel: 'NORMAL',
      unreadCount: null,
    });
    await reply(employee, thread.id, 'An answer');
    expect((await employee.client.ok(STATE, { id: thread.id })).thread.viewerFollowLevel).toBe('WATCHING');
    expect((await community.anonymous.ok(STATE, { id: thread.id })).thread).toEqual({
      viewerFollowLevel: 'NORMAL',
      unreadCount: null,
    });
  });

  it("counts unread replies the viewer may see, never internal notes for customers, and never one's own", async () => {
    const thread = await start(customer, 'Unread counts');
    await reply(employee, thread.id, 'first answer');
    await reply(employee, thread.id, 'internal remark', 'INTERNAL');
    await reply(employee, thread.id, 'second answer');
    await reply(customer, thread.id, 'my own reply');
    expect((await customer.client.ok(STATE, { id: thread.id })).thread.unreadCount).toBe(0);
    await reply(employee, thread.id, 'third answer');
    await reply(employee, thread.id, 'another internal remark', 'INTERNAL');
    expect((await customer.client.ok(STATE, { id: thread.id })).thread.unreadCount).toBe(1);

    expect((await manager.client.ok(FOLLOW, { id: thread.id, level: 'TRACKING' })).followThread).toEqual({
      viewerFollowLevel: 'TRACKING',
      unreadCount: 6,
    });
    expect((await manager.client.ok(READ, { id: thread.id })).markThreadRead.unreadCount).toBe(0);
    expect((await customer.client.ok(FOLLOW, { id: thread.id, level: 'MUTED' })).followThread).toEqual({
      viewerFollowLevel: 'MUTED',
      unreadCount: null,
    });
  });
});

describe('following spaces', () => {
  it("threads inherit the viewer's space level when they set none for the thread", async () => {
    const thread = await start(customer, 'Inherited');
    expect((await reader.client.ok(SPACE_LEVEL, { id: space.id })).space.viewerFollowLevel).toBe('NORMAL');
    expect((await reader.client.ok(FOLLOW_SPACE, { id: space.id, level: 'WATCHING' })).followSpace).toBe('WATCHING');
    expect((await reader.client.ok(SPACE_LEVEL, { id: space.id })).space.viewerFollowLevel).toBe('WATCHING');
    expect((await reader.client.ok(STATE, { id: thread.id })).thread.viewerFollowLevel).toBe('WATCHING');

    await reader.client.ok(FOLLOW_SPACE, { id: space.id, level: 'WATCHING_FIRST_POST' });
    expect((await reader.client.ok(STATE, { id: thread.id })).thread.viewerFollowLevel).toBe('NORMAL');
    await reader.client.ok(FOLLOW_SPACE, { id: space.id, level: 'MUTED' });
    expect((await reader.client.ok(STATE, { id: thread.id })).thread.viewerFollowLevel).toBe('MUTED');
    await reader.client.ok(FOLLOW, { id: thread.id, level: 'TRACKING' });
    expect((await reader.client.ok(STATE, { id: thread.id })).thread.viewerFollowLevel).toBe('TRACKING');
  });

  it('is refused for spaces the viewer may not see', async () => {
    const internal = await community.space(manager, {
      slug: 'inside',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: ['billing'],
    });
    expect(await customer.client.errorCode(FOLLOW_SPACE, { id: internal.id, level: 'WATCHING' })).toBe('NOT_FOUND');
    expect(await community.anonymous.errorCode(FOLLOW_SPACE, { id: space.id, level: 'WATCHING' })).toBe(
      'UNAUTHENTICATED',
    );
  });
});
