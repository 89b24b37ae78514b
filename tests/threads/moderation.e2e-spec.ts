import { queryDatabase } from '@kern/testing';
import { Community, type Person } from '../spaces/community';
import { DELETE, REPLY, SPACE_THREADS, START, THREAD } from './forum';

const FLAG = `mutation($postId: ID!, $reason: FlagReason!) { flagPost(input: { postId: $postId, reason: $reason }) }`;
const MODERATE = `mutation($postId: ID!, $action: ModerationAction!, $reason: String) {
  moderatePost(input: { postId: $postId, action: $action, reason: $reason }) { status body }
}`;
const QUEUE = `query($spaceId: ID) { reviewQueue(spaceId: $spaceId) { edges { node { id status body } } } }`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Post { moderationHistory { action reason moderatorId } } } }`;
const EDIT = `mutation($postId: ID!, $body: String!) { editPost(input: { postId: $postId, body: $body }) { status body } }`;
const CONFIRMED_EDIT = `mutation($postId: ID!, $body: String!) { editPost(input: { postId: $postId, body: $body, confirmPublic: true }) { status body } }`;
const SPAM = 'Loans at 2% interest, contact me at some-address@gmail.com for fast cash!';

let community: Community;
let manager: Person;
let veteran: Person;
let space: { id: string };
let lobby: { id: string };

beforeAll(async () => {
  community = await Community.start({
    WRITES_PER_MINUTE: '20',
    NEW_ACCOUNT_THREADS_FIRST_DAY: '3',
    NEW_ACCOUNT_REPLIES_FIRST_DAY: '10',
    NEW_ACCOUNT_SECONDS_BETWEEN_POSTS: '0',
  });
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  veteran = await community.employee('vic');
  space = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  lobby = await start(await community.employee('hal'), 'Introductions');
});
afterAll(() => community?.stop());

const start = async (person: Person, title: string, body = 'A genuine question') =>
  (await person.client.ok(START, { input: { spaceId: space.id, kind: 'QUESTION', title, body } })).startThread;
const reply = async (person: Person, threadId: string, body: string) =>
  (await person.client.ok(REPLY, { input: { threadId, body } })).reply;
const queued = async () =>
  (await manager.client.ok(QUEUE, {})).reviewQueue.edges.map((edge: { node: { id: string } }) => edge.node.id);
const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

/** A verified customer with three published posts: the standing a member needs for their flags to hide a post. */
async function establishedCustomer(handle: string): Promise<Person> {
  const person = await community.customer(handle);
  for (const topic of ['invoices', 'exports', 'the mobile app'])
    await reply(person, lobby.id, `${handle} here, a question about ${topic} for later.`);
  return person;
}

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
    expect(
      (await spammer.client.ok(THREAD, { id: thread.id })).thread.posts.edges.map(
        (edge: { node: { status: string } }) => edge.node.status,
      ),
    ).toEqual(['PENDING_REVIEW']);

    const queue = (await manager.client.ok(QUEUE, { spaceId: space.id })).reviewQueue.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(queue).toContain(reply.id);
    expect(await reader.client.errorCode(QUEUE, { spaceId: space.id })).toBe('FORBIDDEN');
    expect((await manager.client.ok(HISTORY, { id: reply.id })).node.moderationHistory[0]).toMatchObject({
      action: 'HOLD',
      moderatorId: null,
    });
    expect((await reader.client.ok(HISTORY, { id: thread.openingPost.id })).node.moderationHistory).toBeNull();

    // A moderator approves it (it was a false alarm after all): now everyone sees it and it counts.
    expect(
      (
        await manager.client.ok(MODERATE, {
          postId: reply.id,
          action: 'APPROVE',
          reason: 'real offer from our bank partner',
        })
      ).moderatePost.status,
    ).toBe('VISIBLE');
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    const history = (await manager.client.ok(HISTORY, { id: reply.id })).node.moderationHistory;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['HOLD', 'APPROVE']);
    expect(history[1]).toMatchObject({ reason: 'real offer from our bank partner', moderatorId: manager.id });
  });

  it('an ordinary first post with a link goes through; employees are never held', async () => {
    const newbie = await community.customer('nia');
    const thread = await start(veteran, 'Setup');
    expect(
      (
        await newbie.client.ok(REPLY, {
          input: { threadId: thread.id, body: 'Thanks, that fixed it! See https://docs.example.com/setup' },
        })
      ).reply.status,
    ).toBe('VISIBLE');
    expect((await veteran.client.ok(REPLY, { input: { threadId: thread.id, body: SPAM } })).reply.status).toBe(
      'VISIBLE',
    );
  });
});

describe('new-account limits', () => {
  it('cap links per post and threads on the first day, saying when to retry', async () => {
    const fresh = await community.customer('fay');
    const links = await fresh.client.request(START, {
      input: {
        spaceId: space.id,
        kind: 'QUESTION',
        title: 'Links',
        body: 'https://a.example https://b.example https://c.example',
      },
    });
    expect(links.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'LINKS' } });
    for (const n of [1, 2, 3]) await start(fresh, `Question number ${n}`);
    const fourth = await fresh.client.request(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title: 'Question four', body: 'x' },
    });
    expect(fourth.errors?.[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED', limit: 'THREADS_PER_DAY', retryAfterSeconds: expect.any(Number) },
    });
    expect(fourth.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(23 * 3600);
  });

  it('every account has a write rate, reserved before the write: of 24 posts at once with 20 a minute, exactly 20 are accepted', async () => {
    const busy = await community.employee('bea');
    const thread = await start(veteran, 'Busy thread');
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        busy.client.request(REPLY, { input: { threadId: thread.id, body: `reply ${n}` } }),
      ),
    );
    expect(answers.filter((answer) => answer.data?.reply)).toHaveLength(20);
    const refused = answers.flatMap((answer) => answer.errors ?? []);
    expect(refused).toHaveLength(4);
    for (const error of refused)
      expect(error).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    const stored = await queryDatabase<{ count: number }>(
      community.stack.database.url,
      `SELECT count(*)::int AS count FROM threads.posts WHERE author_id = $1`,
      [uuidOf(busy.id)],
    );
    expect(stored[0].count).toBe(20);
  });
});

describe('flags', () => {
  it('three members hide a post pending review; a moderator restores it; the author cannot flag their own', async () => {
    const thread = await start(veteran, 'Flag me');
    const post = (await veteran.client.ok(REPLY, { input: { threadId: thread.id, body: 'Something rude' } })).reply;
    expect(await veteran.client.errorCode(FLAG, { postId: post.id, reason: 'SPAM' })).toBe('BAD_USER_INPUT');
    const flaggers = await Promise.all(['fa', 'fb', 'fc'].map((handle) => establishedCustomer(`flagger-${handle}`)));
    await flaggers[0].client.ok(FLAG, { postId: post.id, reason: 'INAPPROPRIATE' });
    await flaggers[0].client.ok(FLAG, { postId: post.id, reason: 'INAPPROPRIATE' });
    await flaggers[1].client.ok(FLAG, { postId: post.id, reason: 'INAPPROPRIATE' });
    expect((await flaggers[2].client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    await flaggers[2].client.ok(FLAG, { postId: post.id, reason: 'OFF_TOPIC' });

    const seen = (await flaggers[2].client.ok(THREAD, { id: thread.id })).thread;
    expect(seen.replyCount).toBe(0);
    expect(seen.posts.edges).toEqual([]);
    expect(
      (await manager.client.ok(QUEUE, {})).reviewQueue.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).toContain(post.id);

    expect(
      (await manager.client.ok(MODERATE, { postId: post.id, action: 'RESTORE', reason: 'not rude' })).moderatePost
        .status,
    ).toBe('VISIBLE');
    expect((await flaggers[2].client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    expect(
      (await manager.client.ok(QUEUE, {})).reviewQueue.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).not.toContain(post.id);
  });

  it("one moderator's flag is enough; moderation is for moderators only, and the author hears of it", async () => {
    const thread = await start(veteran, 'Moderator flag');
    const post = (await veteran.client.ok(REPLY, { input: { threadId: thread.id, body: 'Off topic' } })).reply;
    const member = await community.customer('moe');
    expect(await member.client.errorCode(MODERATE, { postId: post.id, action: 'DELETE' })).toBe('FORBIDDEN');
    await manager.client.ok(FLAG, { postId: post.id, reason: 'OFF_TOPIC' });
    expect((await member.client.ok(THREAD, { id: thread.id })).thread.posts.edges).toEqual([]);
    await manager.client.ok(MODERATE, { postId: post.id, action: 'DELETE', reason: 'off topic' });
    const events = await queryDatabase<{ subject: string }>(
      community.stack.database.url,
      `SELECT subject FROM threads.outbox`,
    );
    expect(events.map((event) => event.subject)).toContain('events.threads.post.moderated');
  });
});

describe('edits pass the posting policy like new posts', () => {
  it('a benign reply edited into loan spam by a new account is held for review, logged, and out of the counts', async () => {
    const author = await community.customer('eddie');
    const reader = await community.customer('erin');
    const thread = await start(veteran, 'Where are my invoices?');
    const post = await reply(author, thread.id, 'Thanks, I found them under Billing.');
    expect(post.status).toBe('VISIBLE');
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);

    expect((await author.client.ok(EDIT, { postId: post.id, body: SPAM })).editPost).toEqual({
      status: 'PENDING_REVIEW',
      body: SPAM,
    });
    const seen = (await reader.client.ok(THREAD, { id: thread.id })).thread;
    expect(seen.replyCount).toBe(0);
    expect(seen.posts.edges).toEqual([]);
    expect(await queued()).toContain(post.id);
    const history = (await manager.client.ok(HISTORY, { id: post.id })).node.moderationHistory;
    expect(history).toEqual([{ action: 'HOLD', reason: expect.stringContaining('MONEY_OFFER'), moderatorId: null }]);

    // Approved, it shows again; it was announced when first written, so approving it announces nothing new.
    await manager.client.ok(MODERATE, { postId: post.id, action: 'APPROVE' });
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    const published = await queryDatabase<{ count: number }>(
      community.stack.database.url,
      `SELECT count(*)::int AS count FROM threads.outbox WHERE subject = 'events.threads.post.published' AND envelope->'payload'->>'postId' = $1`,
      [uuidOf(post.id)],
    );
    expect(published[0].count).toBe(1);
  });

  it('a new account cannot edit more links into a post than it may post', async () => {
    const author = await community.customer('lenny');
    const thread = await start(veteran, 'Useful links');
    const post = await reply(author, thread.id, 'The docs helped me.');
    const refused = await author.client.request(EDIT, {
      postId: post.id,
      body: 'https://a.example https://b.example https://c.example',
    });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'LINKS' } });
    expect((await author.client.ok(THREAD, { id: thread.id })).thread.posts.edges[0].node.body).toBe(
      'The docs helped me.',
    );
  });

  it("an employee's or a moderator's edit that repeats an internal note, or links to an internal thread, needs confirmation", async () => {
    const writer = await community.employee('wendy');
    const customer = await community.customer('cora');
    const internal = await community.space(manager, {
      slug: 'back-office',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: ['billing'],
    });
    const secret = (
      await manager.client.ok(START, {
        input: { spaceId: internal.id, kind: 'DISCUSSION', title: 'Pricing plans 2027', body: 'Not for customers' },
      })
    ).startThread;
    const thread = await start(customer, 'Can I get a discount?');
    const note =
      'Customer is on the legacy plan and we lose money on every invoice we send them, never offer a discount here.';
    await writer.client.ok(REPLY, { input: { threadId: thread.id, body: note, visibility: 'INTERNAL' } });
    const answer = await reply(writer, thread.id, 'Let me check that for you.');

    const pasted = `Hi! ${note}`;
    const refused = await writer.client.request(EDIT, { postId: answer.id, body: pasted });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFIRMATION_REQUIRED', reason: 'REPEATS_INTERNAL' });
    expect(
      (await customer.client.ok(THREAD, { id: thread.id })).thread.posts.edges.map(
        (edge: { node: { body: string } }) => edge.node.body,
      ),
    ).toEqual(['Let me check that for you.']);

    const question = (await customer.client.ok(THREAD, { id: thread.id })).thread.openingPost;
    const byModerator = await manager.client.request(EDIT, {
      postId: question.id,
      body: `Can I get a discount? ${note}`,
    });
    expect(byModerator.errors?.[0].extensions).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      reason: 'REPEATS_INTERNAL',
    });
    const linked = await manager.client.request(EDIT, {
      postId: question.id,
      body: `Can I get a discount? See https://kern.example/threads/${secret.id}`,
    });
    expect(linked.errors?.[0].extensions).toMatchObject({ code: 'CONFIRMATION_REQUIRED', reason: 'LINKS_TO_INTERNAL' });

    expect((await writer.client.ok(CONFIRMED_EDIT, { postId: answer.id, body: pasted })).editPost.body).toBe(pasted);
  });
});

describe('the policy runs after the access checks', () => {
  it("an unverified customer's reply to a thread that does not exist is NOT_FOUND, and reserves nothing", async () => {
    const unverified = await community.customer('uma', { verified: false });
    const missing = Buffer.from('Thread:6f1c1a52-5c7e-4b59-9a3e-0c8f1d2b7a41').toString('base64url');
    expect(await unverified.client.errorCode(REPLY, { input: { threadId: missing, body: SPAM } })).toBe('NOT_FOUND');
    const thread = await start(veteran, 'Verified members only');
    expect(await unverified.client.errorCode(REPLY, { input: { threadId: thread.id, body: SPAM } })).toBe('FORBIDDEN');
    const reserved = await queryDatabase<{ count: number }>(
      community.stack.database.url,
      `SELECT count(*)::int AS count FROM threads.write_rates WHERE user_id = $1`,
      [uuidOf(unverified.id)],
    );
    expect(reserved[0].count).toBe(0);
  });
});

describe('flags count toward hiding only from members with standing', () => {
  it("three unverified new accounts do not hide an employee's answer; a moderator still sees their flags; three established members do", async () => {
    const employee = await community.employee('ella');
    const reader = await community.customer('rob');
    const thread = await start(employee, 'How do I export my data?');
    const answer = await reply(employee, thread.id, 'Settings, then Export: you get a zip file by mail.');
    for (const handle of ['new-a', 'new-b', 'new-c']) {
      const drive = await community.customer(handle, { verified: false });
      await drive.client.ok(FLAG, { postId: answer.id, reason: 'SPAM' });
    }
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    expect(await queued()).toContain(answer.id);

    const members = await Promise.all(['old-a', 'old-b', 'old-c'].map((handle) => establishedCustomer(handle)));
    for (const member of members) await member.client.ok(FLAG, { postId: answer.id, reason: 'SPAM' });
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(0);
  });
});

describe('moderation leaves nothing behind', () => {
  it('a flagged post its author deletes, or a moderator deletes or hides, leaves the review queue', async () => {
    const author = await community.customer('dora');
    const flagger = await community.customer('fred');
    const thread = await start(veteran, 'Delete me');
    const byAuthor = await reply(author, thread.id, 'I posted this in the wrong place.');
    const byModerator = await reply(author, thread.id, 'And this one too.');
    const hidden = await reply(author, thread.id, 'And a rude one.');
    for (const post of [byAuthor, byModerator, hidden])
      await flagger.client.ok(FLAG, { postId: post.id, reason: 'OFF_TOPIC' });
    expect(await queued()).toEqual(expect.arrayContaining([byAuthor.id, byModerator.id, hidden.id]));

    await author.client.ok(DELETE, { postId: byAuthor.id });
    await manager.client.ok(MODERATE, { postId: byModerator.id, action: 'DELETE', reason: 'off topic' });
    // A moderator's decision to hide is a decision: nothing is left to review.
    expect(
      (await manager.client.ok(MODERATE, { postId: hidden.id, action: 'HIDE', reason: 'rude' })).moderatePost.status,
    ).toBe('HIDDEN');
    const queue = await queued();
    expect(queue).not.toContain(byAuthor.id);
    expect(queue).not.toContain(byModerator.id);
    expect(queue).not.toContain(hidden.id);
  });

  it('a moderator dismisses flags ("no problem"): the queue entry goes, the hidden post shows again, and it is logged', async () => {
    const employee = await community.employee('gus');
    const reader = await community.customer('ria');
    const thread = await start(employee, 'Is this rude?');
    const post = await reply(employee, thread.id, 'RTFM, the answer is on page one.');
    const flaggers = await Promise.all(['dm-a', 'dm-b', 'dm-c'].map((handle) => establishedCustomer(handle)));
    for (const flagger of flaggers) await flagger.client.ok(FLAG, { postId: post.id, reason: 'INAPPROPRIATE' });
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(0);
    expect(await queued()).toContain(post.id);

    expect(
      (await manager.client.ok(MODERATE, { postId: post.id, action: 'DISMISS_FLAGS', reason: 'blunt, not rude' }))
        .moderatePost.status,
    ).toBe('VISIBLE');
    expect(await queued()).not.toContain(post.id);
    expect((await reader.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(1);
    const history = (await manager.client.ok(HISTORY, { id: post.id })).node.moderationHistory;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['HIDE', 'DISMISS_FLAGS']);

    // A visible post with one flag leaves the queue the same way, and stays visible.
    const other = await reply(employee, thread.id, 'Page one, second paragraph.');
    await reader.client.ok(FLAG, { postId: other.id, reason: 'OFF_TOPIC' });
    expect(await queued()).toContain(other.id);
    expect(await reader.client.errorCode(MODERATE, { postId: other.id, action: 'DISMISS_FLAGS' })).toBe('FORBIDDEN');
    expect((await manager.client.ok(MODERATE, { postId: other.id, action: 'DISMISS_FLAGS' })).moderatePost.status).toBe(
      'VISIBLE',
    );
    expect(await queued()).not.toContain(other.id);
  });

  it("a thread whose opening post is deleted leaves its space's list for members; its moderators still find it", async () => {
    const author = await community.customer('tess');
    const reader = await community.customer('tom');
    const thread = await start(author, 'Never mind, solved it');
    await reply(reader, thread.id, 'Glad it worked out.');
    const titles = async (person: Person) =>
      (await person.client.ok(SPACE_THREADS, { id: space.id, first: 100 })).space.threads.edges.map(
        (edge: { node: { title: string } }) => edge.node.title,
      );
    expect(await titles(reader)).toContain('Never mind, solved it');

    await author.client.ok(DELETE, { postId: thread.openingPost.id });
    expect(await titles(reader)).not.toContain('');
    expect(await titles(reader)).not.toContain('Never mind, solved it');
    expect(await titles(author)).not.toContain('Never mind, solved it');
    expect(await titles(manager)).toContain('Never mind, solved it');
  });
});
