import { waitFor } from '@kern/testing';
import { Community, INVITE_MEMBER, REMOVE, type Person } from '../spaces/community';
import { ACCEPT, REPLY, START } from '../threads/forum';

const INBOX = `query($unreadOnly: Boolean) {
  notifications(unreadOnly: $unreadOnly, first: 50) { unreadCount edges { node { id kind count readAt actor { handle } thread { title } post { body } } } }
}`;
const MARK_READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const FOLLOW = `mutation($id: ID!) { followThread(threadId: $id, level: WATCHING) { viewerFollowLevel } }`;
const MOVE = `mutation($threadId: ID!, $spaceId: ID!) { moveThread(threadId: $threadId, spaceId: $spaceId) { id } }`;
const MODERATE = `mutation($postId: ID!) { moderatePost(input: { postId: $postId, action: HIDE, reason: "rude" }) { status } }`;

interface Entry {
  id: string;
  kind: string;
  count: number;
  readAt: string | null;
  actor: { handle: string } | null;
  thread: { title: string } | null;
  post: { body: string } | null;
}

let community: Community;
let manager: Person;
let employee: Person;
let customer: Person;
let other: Person;
let space: { id: string };

beforeAll(async () => {
  // Retried long enough to outlast a restart of identity on a busy machine (see the mention test).
  community = await Community.start({ EVENTS_MAX_ATTEMPTS: '30' });
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  [employee, customer, other] = await Promise.all([
    community.employee('emil'),
    community.customer('cora'),
    community.customer('otto'),
  ]);
  space = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
});
afterAll(() => community?.stop());

const inbox = async (person: Person, unreadOnly = false): Promise<{ unreadCount: number; entries: Entry[] }> => {
  const { notifications } = await person.client.ok(INBOX, { unreadOnly });
  return {
    unreadCount: notifications.unreadCount,
    entries: notifications.edges.map((edge: { node: Entry }) => edge.node),
  };
};
const about = async (person: Person, title: string) =>
  (await inbox(person)).entries.filter((entry) => entry.thread?.title === title);
const start = async (person: Person, title: string, spaceId = space.id, kind = 'QUESTION') =>
  (await person.client.ok(START, { input: { spaceId, kind, title, body: 'Body' } })).startThread;
const reply = async (person: Person, threadId: string, body: string, visibility = 'EVERYONE') =>
  (await person.client.ok(REPLY, { input: { threadId, body, visibility } })).reply;

it('tells a thread’s watchers of replies, gathering a burst into one notification', async () => {
  const thread = await start(customer, 'Burst');
  for (let n = 1; n <= 20; n += 1) await reply(employee, thread.id, `answer ${n}`);
  await waitFor(async () => (await about(customer, 'Burst'))[0]?.count === 20, {
    what: 'one REPLY notification counting 20',
  });
  const [entry] = await about(customer, 'Burst');
  expect(entry).toMatchObject({ kind: 'REPLY', count: 20, actor: { handle: 'emil' }, post: { body: 'answer 20' } });
  expect(await about(employee, 'Burst')).toEqual([]);
});

it('never tells a customer of an internal note, but tells watching employees', async () => {
  const thread = await start(customer, 'Internal only');
  await reply(manager, thread.id, 'I am watching this');
  await reply(employee, thread.id, 'note for colleagues', 'INTERNAL');
  await reply(employee, thread.id, 'public answer');
  await waitFor(async () => (await about(customer, 'Internal only'))[0]?.post?.body === 'public answer', {
    what: 'the public answer to reach cora',
  });
  // Olga's reply and the public answer; the internal note is not counted for her.
  expect((await about(customer, 'Internal only'))[0].count).toBe(2);
  await waitFor(async () => (await about(manager, 'Internal only'))[0]?.count === 2, {
    what: 'both posts to reach olga',
  });
});

it('notifies mentioned people who may read the thread, and nobody else', async () => {
  const internal = await community.space(manager, {
    slug: 'inside',
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  const inside = await start(employee, 'Inside talk', internal.id, 'DISCUSSION');
  await reply(employee, inside.id, 'What do @otto and @olga think?');
  const outside = await start(employee, 'Outside talk', space.id, 'DISCUSSION');
  await reply(employee, outside.id, 'Hello @otto');
  await waitFor(async () => (await about(other, 'Outside talk')).length === 1, {
    what: 'otto to be mentioned outside',
  });
  await waitFor(async () => (await about(manager, 'Inside talk')).some((entry) => entry.kind === 'MENTION'), {
    what: 'olga to be mentioned inside',
  });
  expect((await about(other, 'Outside talk'))[0].kind).toBe('MENTION');
  expect(await about(other, 'Inside talk')).toEqual([]);
});

it('when identity does not answer while a mention is delivered, then the mention arrives once identity is back', async () => {
  const thread = await start(employee, 'Mention while identity is away', space.id, 'DISCUSSION');
  const stack = community.stack;
  await Promise.all(stack.find('identity').map((process) => process.stop()));
  try {
    await employee.client.ok(`mutation($input: ReplyInput!) { reply(input: $input) { id } }`, {
      input: { threadId: thread.id, body: 'Have a look, @otto' },
    });
    const [threads] = stack.find('threads');
    await threads.waitForLog(
      (line) => line.consumer === 'threads-notify-post-published' && /redelivered/.test(line.msg ?? ''),
      'the delivery to fail and wait for a retry',
    );
  } finally {
    await stack.startProcess('identity');
  }
  await waitFor(async () => (await about(other, 'Mention while identity is away')).length === 1, {
    what: 'otto to be mentioned after all',
    timeoutMs: 30_000,
  });
  expect((await about(other, 'Mention while identity is away'))[0].kind).toBe('MENTION');
});

it('tells the author of an accepted answer, and the author of a moderated post', async () => {
  const thread = await start(customer, 'Accepted');
  const answer = await reply(other, thread.id, 'the answer');
  await customer.client.ok(ACCEPT, { postId: answer.id });
  await waitFor(async () => (await about(other, 'Accepted')).some((entry) => entry.kind === 'ANSWER_ACCEPTED'), {
    what: 'otto to hear of the accepted answer',
  });
  const rude = await reply(other, thread.id, 'rude remark');
  await manager.client.ok(MODERATE, { postId: rude.id });
  await waitFor(async () => (await about(other, 'Accepted')).some((entry) => entry.kind === 'MODERATION'), {
    what: 'otto to hear of the moderation',
  });
});

it('stops showing notifications of a space someone was removed from, at once', async () => {
  const closed = await community.space(manager, {
    slug: 'club',
    audience: 'EXTERNAL',
    joinPolicy: 'APPROVAL',
    topics: ['billing'],
  });
  const member = await community.customer('mira');
  await manager.client.ok(INVITE_MEMBER, { spaceId: closed.id, userId: member.id });
  const thread = await start(member, 'Club thread', closed.id);
  await reply(manager, thread.id, 'welcome');
  await waitFor(async () => (await about(member, 'Club thread')).length === 1, { what: 'mira to be told' });
  const before = (await inbox(member)).unreadCount;
  await manager.client.ok(REMOVE, { spaceId: closed.id, userId: member.id });
  const after = await inbox(member);
  expect(after.entries.some((entry) => entry.thread?.title === 'Club thread')).toBe(false);
  expect(after.unreadCount).toBe(before - 1);
});

it('when a thread with only employees’ posts moves into an INTERNAL space, then customers’ notifications about it are gone', async () => {
  const backroom = await community.space(manager, {
    slug: 'backroom',
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  const watcher = await community.customer('nina');
  const thread = await start(employee, 'Maintenance tonight', space.id, 'DISCUSSION');
  await watcher.client.ok(FOLLOW, { id: thread.id });
  await manager.client.ok(FOLLOW, { id: thread.id });
  await reply(employee, thread.id, 'It starts at 22:00, hello @nina');
  await waitFor(async () => (await about(watcher, 'Maintenance tonight')).length === 1, { what: 'nina to be told' });
  await waitFor(async () => (await about(manager, 'Maintenance tonight')).length === 1, { what: 'olga to be told' });
  const [told] = await about(watcher, 'Maintenance tonight');
  const before = (await inbox(watcher)).unreadCount;

  await manager.client.ok(MOVE, { threadId: thread.id, spaceId: backroom.id });
  const after = await inbox(watcher);
  expect(after.entries.map((entry) => entry.id)).not.toContain(told.id);
  expect(after.unreadCount).toBe(before - 1);
  // Marking all read counts only what nina may see: the hidden one is not given away by the number.
  expect((await watcher.client.ok(MARK_READ, {})).markNotificationsRead).toBe(after.unreadCount);
  // Employees may still read it, so theirs stay.
  expect(await about(manager, 'Maintenance tonight')).toHaveLength(1);
});

it('are marked read one by one or all at once', async () => {
  const { entries, unreadCount } = await inbox(customer, true);
  expect(unreadCount).toBeGreaterThan(1);
  expect((await customer.client.ok(MARK_READ, { ids: [entries[0].id] })).markNotificationsRead).toBe(1);
  expect((await inbox(customer)).unreadCount).toBe(unreadCount - 1);
  expect((await customer.client.ok(MARK_READ, {})).markNotificationsRead).toBe(unreadCount - 1);
  expect(await inbox(customer, true)).toEqual({ unreadCount: 0, entries: [] });
  expect(await community.anonymous.errorCode(INBOX, {})).toBe('UNAUTHENTICATED');
});
