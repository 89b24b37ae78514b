import { queryDatabase } from '@kern/testing';
import { Community, type Person } from '../spaces/community';
import { REPLY, START, THREAD } from './forum';

const FLAG = `mutation($postId: ID!, $reason: FlagReason!) { flagPost(input: { postId: $postId, reason: $reason }) }`;
const MODERATE = `mutation($postId: ID!, $action: ModerationAction!, $reason: String) {
  moderatePost(input: { postId: $postId, action: $action, reason: $reason }) { status body }
}`;
const QUEUE = `query($spaceId: ID) { reviewQueue(spaceId: $spaceId) { edges { node { id status body } } } }`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Post { moderationHistory { action reason moderatorId } } } }`;
const SPAM = 'Loans at 2% interest, contact me at some-address@gmail.com for fast cash!';

let community: Community;
let manager: Person;
let veteran: Person;
let space: { id: string };

beforeAll(async () => {
  community = await Community.start({
    WRITES_PER_MINUTE: '8',
    NEW_ACCOUNT_THREADS_FIRST_DAY: '3',
    NEW_ACCOUNT_REPLIES_FIRST_DAY: '10',
    NEW_ACCOUNT_SECONDS_BETWEEN_POSTS: '0',
  });
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  veteran = await community.employee('vic');
  space = await community.space(manager, { slug: 'help', audience: 'EXTERNAL', joinPolicy: 'OPEN', topics: ['billing'] });
});
afterAll(() => community?.stop());

const start = async (person: Person, title: string, body = 'A genuine question') =>
  (await person.client.ok(START, { input: { spaceId: space.id, kind: 'QUESTION', title, body } })).startThread;

describe('spam from new accounts', () => {
  it('is held for review: visible to its author and moderators only, and out of the counts', async () => {
    const spammer = await community.customer('sam');
    const reader = await community.customer('rita');
    const thread = await start(veteran, 'Payment options');
    const { reply } = await spammer.client.ok(REPLY, { input: { threadId: thread.id, body: SPAM } });
    expect(reply.status).toBe('PENDING_REVIEW');

    const seen = (await reader.client.ok(THREAD, { id: thread.id })).thread;
    expect(seen.replyCount).toBe(0);
    expect(seen.posts.edges).toEqual([]);
    expect((await reader.client.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: reply.id })).node).toBeNull();
    expect((await spammer.client.ok(THREAD, { id: thread.id })).thread.posts.edges.map((edge: { node: { status: string } }) => edge.node.status)).toEqual(['PENDING_REVIEW']);

    const queue = (await manager.client.ok(QUEUE, { spaceId: space.id })).reviewQueue.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(queue).toContain(reply.id);
    expect(await reader.client.errorCode(QUEUE, { spaceId: space.id })).toBe('FORBIDDEN');
    expect((await manager.client.ok(HISTORY, { id: reply.id })).node.moderationHistory[0]).toMatchObject({ action: 'HOLD', moderatorId: null });
    expect((await reader.client.ok(HISTORY, { id: thread.openingPost.id })).node.moderationHistory).toBeNull();

    // A moderator approves it (it was a false alarm after all): now everyone sees it and it counts.
    expect((await manager.client.ok(MODERATE, { postId: reply.id, action: 'APPROVE', reason: 'real offer from our bank partner' })).moderatePost.status).toBe('VISIBLE');
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    const history = (await manager.client.ok(HISTORY, { id: reply.id })).node.moderationHistory;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['HOLD', 'APPROVE']);
    expect(history[1]).toMatchObject({ reason: 'real offer from our bank partner', moderatorId: manager.id });
  });

  it('an ordinary first post with a link goes through; employees are never held', async () => {
    const newbie = await community.customer('nia');
    const thread = await start(veteran, 'Setup');
    expect((await newbie.client.ok(REPLY, { input: { threadId: thread.id, body: 'Thanks, that fixed it! See https://docs.example.com/setup' } })).reply.status).toBe('VISIBLE');
    expect((await veteran.client.ok(REPLY, { input: { threadId: thread.id, body: SPAM } })).reply.status).toBe('VISIBLE');
  });
});

describe('new-account limits', () => {
  it('cap links per post and threads on the first day, saying when to retry', async () => {
    const fresh = await community.customer('fay');
    const links = await fresh.client.request(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title: 'Links', body: 'https://a.example https://b.example https://c.example' },
    });
    expect(links.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'LINKS' } });
    for (const n of [1, 2, 3]) await start(fresh, `Question number ${n}`);
    const fourth = await fresh.client.request(START, { input: { spaceId: space.id, kind: 'QUESTION', title: 'Question four', body: 'x' } });
    expect(fourth.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', limit: 'THREADS_PER_DAY', retryAfterSeconds: expect.any(Number) } });
    expect(fourth.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(23 * 3600);
  });

  it('every account has a write rate: RATE_LIMITED says when to retry', async () => {
    const busy = await community.employee('bea');
    const thread = await start(busy, 'Busy thread');
    let refused;
    for (let n = 0; n < 10 && !refused; n += 1) {
      const response = await busy.client.request(REPLY, { input: { threadId: thread.id, body: `reply ${n}` } });
      if (response.errors) refused = response.errors[0];
    }
    expect(refused).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
  });
});

describe('flags', () => {
  it('three members hide a post pending review; a moderator restores it; the author cannot flag their own', async () => {
    const thread = await start(veteran, 'Flag me');
    const post = (await veteran.client.ok(REPLY, { input: { threadId: thread.id, body: 'Something rude' } })).reply;
    expect(await veteran.client.errorCode(FLAG, { postId: post.id, reason: 'SPAM' })).toBe('BAD_USER_INPUT');
    const flaggers = await Promise.all(['fa', 'fb', 'fc'].map((handle) => community.customer(`flagger-${handle}`)));
    await flaggers[0].client.ok(FLAG, { postId: post.id, reason: 'INAPPROPRIATE' });
    await flaggers[0].client.ok(FLAG, { postId: post.id, reason: 'INAPPROPRIATE' });
    await flaggers[1].client.ok(FLAG, { postId: post.id, reason: 'INAPPROPRIATE' });
    expect((await flaggers[2].client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    await flaggers[2].client.ok(FLAG, { postId: post.id, reason: 'OFF_TOPIC' });

    const seen = (await flaggers[2].client.ok(THREAD, { id: thread.id })).thread;
    expect(seen.replyCount).toBe(0);
    expect(seen.posts.edges).toEqual([]);
    expect((await manager.client.ok(QUEUE, {})).reviewQueue.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(post.id);

    expect((await manager.client.ok(MODERATE, { postId: post.id, action: 'RESTORE', reason: 'not rude' })).moderatePost.status).toBe('VISIBLE');
    expect((await flaggers[2].client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    expect((await manager.client.ok(QUEUE, {})).reviewQueue.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(post.id);
  });

  it("one moderator's flag is enough; moderation is for moderators only, and the author hears of it", async () => {
    const thread = await start(veteran, 'Moderator flag');
    const post = (await veteran.client.ok(REPLY, { input: { threadId: thread.id, body: 'Off topic' } })).reply;
    const member = await community.customer('moe');
    expect(await member.client.errorCode(MODERATE, { postId: post.id, action: 'DELETE' })).toBe('FORBIDDEN');
    await manager.client.ok(FLAG, { postId: post.id, reason: 'OFF_TOPIC' });
    expect((await member.client.ok(THREAD, { id: thread.id })).thread.posts.edges).toEqual([]);
    await manager.client.ok(MODERATE, { postId: post.id, action: 'DELETE', reason: 'off topic' });
    const events = await queryDatabase<{ subject: string }>(community.stack.database.url, `SELECT subject FROM threads.outbox`);
    expect(events.map((event) => event.subject)).toContain('events.threads.post.moderated');
  });
});
