import { queryDatabase } from '@kern/testing';
import { Community, JOIN, type Person } from '../spaces/community';
import {
  ACCEPT,
  DELETE,
  EDIT,
  HELPFUL,
  HISTORY,
  LOCK,
  NODE,
  POSTS,
  REPLY,
  SPACE_THREADS,
  START,
  THREAD,
} from './forum';

let community: Community;
let manager: Person;
let employee: Person;
let customer: Person;
let otherCustomer: Person;
let external: { id: string };
let internal: { id: string };

beforeAll(async () => {
  community = await Community.start();
  await community.topic('billing');
  await community.topic('invoices', 'billing');
  manager = await community.employee('olga', { manager: true });
  [employee, customer, otherCustomer] = await Promise.all([
    community.employee('emil'),
    community.customer('cora'),
    community.customer('carl'),
  ]);
  external = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  internal = await community.space(manager, {
    slug: 'backoffice',
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
});
afterAll(() => community?.stop());

const start = async (person: Person, input: Record<string, unknown>) =>
  (
    await person.client.ok(START, {
      input: { spaceId: external.id, kind: 'QUESTION', title: 'How do I pay?', body: 'Question body', ...input },
    })
  ).startThread;
const reply = async (person: Person, threadId: string, body: string, visibility?: string) =>
  (await person.client.ok(REPLY, { input: { threadId, body, ...(visibility ? { visibility } : {}) } })).reply;

describe('starting threads', () => {
  it("takes the space's topics by default, renders sanitised HTML and keeps the markdown as written", async () => {
    const body = 'See **this** [site](https://example.com) <script>alert(1)</script> [x](javascript:alert(1))';
    const thread = await start(customer, { body });
    expect(thread).toMatchObject({
      kind: 'QUESTION',
      body,
      replyCount: 0,
      topics: [{ slug: 'billing' }],
      author: { handle: 'cora' },
    });
    expect(thread.bodyHtml).toContain('<strong>this</strong>');
    expect(thread.bodyHtml).toContain('rel="nofollow ugc noopener"');
    // Both stay inert text: no script element, no javascript: link.
    expect(thread.bodyHtml).not.toMatch(/<script|href="javascript:/i);
  });

  it('refuses bad input with BAD_USER_INPUT', async () => {
    const response = await customer.client.request(START, {
      input: { spaceId: external.id, kind: 'QUESTION', title: 'Hi', body: 'x' },
    });
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('3-200'),
    });
    expect(
      await customer.client.errorCode(START, {
        input: { spaceId: external.id, kind: 'QUESTION', title: 'Long enough', body: 'x'.repeat(50_001) },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await customer.client.errorCode(START, {
        input: { spaceId: external.id, kind: 'QUESTION', title: 'Long enough', body: '   ' },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await customer.client.errorCode(START, {
        input: { spaceId: external.id, kind: 'QUESTION', title: 'Long enough', body: 'x', topics: ['nope'] },
      }),
    ).toBe('BAD_USER_INPUT');
  });

  it('announcements are for space moderators', async () => {
    expect(
      await customer.client.errorCode(START, {
        input: { spaceId: external.id, kind: 'ANNOUNCEMENT', title: 'Hear ye', body: 'x' },
      }),
    ).toBe('FORBIDDEN');
    expect((await start(manager, { kind: 'ANNOUNCEMENT', title: 'Hear ye' })).kind).toBe('ANNOUNCEMENT');
  });

  it('unverified accounts read but do not post', async () => {
    const una = await community.customer('una', { verified: false });
    const thread = await start(customer, { title: 'Readable by una' });
    expect((await una.client.ok(THREAD, { id: thread.id })).thread.title).toBe('Readable by una');
    const refused = await una.client.request(START, {
      input: { spaceId: external.id, kind: 'QUESTION', title: 'Spam?', body: 'x' },
    });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('Confirm your e-mail'),
    });
    expect(await una.client.errorCode(REPLY, { input: { threadId: thread.id, body: 'me too' } })).toBe('FORBIDDEN');
  });

  it('customers and anonymous readers never find a thread of an internal space', async () => {
    const thread = await start(employee, { spaceId: internal.id, title: 'Internal pricing' });
    for (const client of [customer.client, community.anonymous]) {
      expect(await client.errorCode(THREAD, { id: thread.id })).toBe('NOT_FOUND');
      expect((await client.ok(NODE, { id: thread.id })).node).toBeNull();
      expect(await client.errorCode(REPLY, { input: { threadId: thread.id, body: 'hello?' } })).toMatch(
        /NOT_FOUND|UNAUTHENTICATED/,
      );
    }
    expect((await employee.client.ok(THREAD, { id: thread.id })).thread.title).toBe('Internal pricing');
  });
});

describe('internal notes', () => {
  it('exist for employees only: not in posts, replyCount, lastActivityAt, node or acceptedAnswer for customers', async () => {
    const thread = await start(customer, { title: 'My invoice is wrong' });
    const answer = await reply(employee, thread.id, 'We are looking into it.');
    const before = (await customer.client.ok(THREAD, { id: thread.id })).thread;
    const note = await reply(employee, thread.id, 'Internal: customer is on the legacy plan', 'INTERNAL');
    expect(note.visibility).toBe('INTERNAL');

    const seenByCustomer = (await customer.client.ok(THREAD, { id: thread.id })).thread;
    expect(seenByCustomer.replyCount).toBe(1);
    expect(seenByCustomer.lastActivityAt).toBe(before.lastActivityAt);
    expect(seenByCustomer.posts.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([answer.id]);
    expect(JSON.stringify(seenByCustomer)).not.toContain('legacy plan');
    expect((await customer.client.ok(NODE, { id: note.id })).node).toBeNull();
    expect((await community.anonymous.ok(NODE, { id: note.id })).node).toBeNull();
    expect(await customer.client.errorCode(ACCEPT, { postId: note.id })).toBe('NOT_FOUND');
    expect(await customer.client.errorCode(HELPFUL, { postId: note.id })).toBe('NOT_FOUND');
    expect(
      await customer.client.errorCode(REPLY, { input: { threadId: thread.id, body: 'x', replyToPostId: note.id } }),
    ).toBe('NOT_FOUND');

    const seenByEmployee = (await employee.client.ok(THREAD, { id: thread.id })).thread;
    expect(seenByEmployee.replyCount).toBe(2);
    expect(seenByEmployee.posts.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      answer.id,
      note.id,
    ]);
    expect(Date.parse(seenByEmployee.lastActivityAt)).toBeGreaterThan(Date.parse(before.lastActivityAt));
  });

  it('are written by employees only, and an internal note is never the accepted answer', async () => {
    const thread = await start(customer, { title: 'Another question' });
    expect(
      await customer.client.errorCode(REPLY, { input: { threadId: thread.id, body: 'psst', visibility: 'INTERNAL' } }),
    ).toBe('FORBIDDEN');
    const note = await reply(employee, thread.id, 'note', 'INTERNAL');
    expect(await manager.client.errorCode(ACCEPT, { postId: note.id })).toBe('BAD_USER_INPUT');
    expect(
      await employee.client.errorCode(REPLY, {
        input: { threadId: thread.id, body: 'public', replyToPostId: note.id },
      }),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('posts', () => {
  it('keep their edit history for the author and moderators only', async () => {
    const thread = await start(customer, { title: 'Editing' });
    const post = await reply(customer, thread.id, 'first version');
    const { editPost } = await customer.client.ok(EDIT, { postId: post.id, body: 'second version' });
    expect(editPost.body).toBe('second version');
    expect(editPost.editedAt).not.toBeNull();
    expect((await customer.client.ok(HISTORY, { id: post.id })).node.editHistory).toEqual([
      { previousBody: 'first version' },
    ]);
    expect((await manager.client.ok(HISTORY, { id: post.id })).node.editHistory).toEqual([
      { previousBody: 'first version' },
    ]);
    expect((await otherCustomer.client.ok(HISTORY, { id: post.id })).node.editHistory).toBeNull();
    expect(await otherCustomer.client.errorCode(EDIT, { postId: post.id, body: 'vandalised' })).toBe('FORBIDDEN');
  });

  it('deleted by their author show as deleted; the text stays for moderators and leaves the counts', async () => {
    const thread = await start(customer, { title: 'Deleting' });
    const post = await reply(customer, thread.id, 'oops, my account number');
    expect(await otherCustomer.client.errorCode(DELETE, { postId: post.id })).toBe('FORBIDDEN');
    expect((await customer.client.ok(DELETE, { postId: post.id })).deletePost).toEqual({ status: 'DELETED', body: '' });
    const seen = (await otherCustomer.client.ok(THREAD, { id: thread.id })).thread;
    expect(seen.replyCount).toBe(0);
    expect(seen.posts.edges.map((edge: { node: { status: string; body: string } }) => edge.node)).toMatchObject([
      { status: 'DELETED', body: '', bodyHtml: '' },
    ]);
    const moderated = (await manager.client.ok(THREAD, { id: thread.id })).thread;
    expect(moderated.posts.edges[0].node.body).toBe('oops, my account number');
  });

  it('are marked helpful once per reader, can be unmarked, and never by their author', async () => {
    const thread = await start(customer, { title: 'Helpful?' });
    const post = await reply(employee, thread.id, 'Try turning it off and on again');
    expect((await customer.client.ok(HELPFUL, { postId: post.id })).markHelpful).toEqual({
      helpfulCount: 1,
      viewerMarkedHelpful: true,
    });
    expect((await customer.client.ok(HELPFUL, { postId: post.id })).markHelpful.helpfulCount).toBe(1);
    expect((await otherCustomer.client.ok(HELPFUL, { postId: post.id })).markHelpful.helpfulCount).toBe(2);
    expect((await customer.client.ok(HELPFUL, { postId: post.id, helpful: false })).markHelpful).toEqual({
      helpfulCount: 1,
      viewerMarkedHelpful: false,
    });
    expect(await employee.client.errorCode(HELPFUL, { postId: post.id })).toBe('BAD_USER_INPUT');
  });
});

describe('questions and answers', () => {
  it('the author or a moderator accepts one answer, and may change it; others may not', async () => {
    const thread = await start(customer, { title: 'Which plan?' });
    const first = await reply(employee, thread.id, 'The basic plan');
    const second = await reply(otherCustomer, thread.id, 'The pro plan');
    expect(await otherCustomer.client.errorCode(ACCEPT, { postId: first.id })).toBe('FORBIDDEN');
    expect((await customer.client.ok(ACCEPT, { postId: first.id })).acceptAnswer.acceptedAnswer).toEqual({
      id: first.id,
      body: 'The basic plan',
    });
    expect((await manager.client.ok(ACCEPT, { postId: second.id })).acceptAnswer.acceptedAnswer.id).toBe(second.id);
    expect(await customer.client.errorCode(ACCEPT, { postId: thread.openingPost.id })).toBe('BAD_USER_INPUT');

    const discussion = await start(customer, { kind: 'DISCUSSION', title: 'Chat' });
    const post = await reply(employee, discussion.id, 'hi');
    expect(await customer.client.errorCode(ACCEPT, { postId: post.id })).toBe('BAD_USER_INPUT');
  });
});

describe('locking', () => {
  it('stops replies, except from moderators, and only moderators lock', async () => {
    const thread = await start(customer, { title: 'Heated' });
    expect(await customer.client.errorCode(LOCK, { threadId: thread.id, locked: true })).toBe('FORBIDDEN');
    expect((await manager.client.ok(LOCK, { threadId: thread.id, locked: true })).lockThread.locked).toBe(true);
    expect(await otherCustomer.client.errorCode(REPLY, { input: { threadId: thread.id, body: 'but!' } })).toBe(
      'FORBIDDEN',
    );
    expect((await reply(manager, thread.id, 'Closing this.')).body).toBe('Closing this.');
    await manager.client.ok(LOCK, { threadId: thread.id, locked: false });
    expect((await reply(otherCustomer, thread.id, 'thanks')).body).toBe('thanks');
  });
});

describe('paging', () => {
  it("lists a space's threads newest first, by topic with sub-topics", async () => {
    const space = await community.space(manager, {
      slug: 'paging',
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
      topics: ['billing'],
    });
    await customer.client.ok(JOIN, { spaceId: space.id });
    for (const title of ['one', 'two', 'three']) await start(customer, { spaceId: space.id, title: `Thread ${title}` });
    await start(customer, { spaceId: space.id, title: 'Thread invoices', topics: ['invoices'] });
    const page1 = (await customer.client.ok(SPACE_THREADS, { id: space.id, first: 2 })).space.threads;
    const page2 = (await customer.client.ok(SPACE_THREADS, { id: space.id, first: 2, after: page1.pageInfo.endCursor }))
      .space.threads;
    expect([...page1.edges, ...page2.edges].map((edge: { node: { title: string } }) => edge.node.title)).toEqual([
      'Thread invoices',
      'Thread three',
      'Thread two',
      'Thread one',
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const byTopic = (await customer.client.ok(SPACE_THREADS, { id: space.id, topic: 'invoices' })).space.threads;
    expect(byTopic.edges.map((edge: { node: { title: string } }) => edge.node.title)).toEqual(['Thread invoices']);
  });

  it('returns every post of a 10,000-post thread exactly once', async () => {
    const thread = await start(employee, { title: 'A very long thread' });
    const threadId = Buffer.from(thread.id, 'base64url').toString().split(':')[1];
    const authorId = Buffer.from(employee.id, 'base64url').toString().split(':')[1];
    // Written straight into the database: the test is about reading them back, not 10,000 requests.
    await queryDatabase(
      community.stack.database.url,
      `INSERT INTO threads.posts (id, thread_id, author_id, body, body_html, visibility, status)
       SELECT gen_random_uuid(), $1, $2, 'post ' || n, '<p>post ' || n || '</p>', CASE WHEN n % 10 = 0 THEN 'INTERNAL' ELSE 'EVERYONE' END, 'VISIBLE'
       FROM generate_series(1, 10000) AS n`,
      [threadId, authorId],
    );
    const read = async (person: Person) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const {
          thread: page,
        }: {
          thread: {
            posts: { edges: Array<{ node: { body: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
          };
        } = await person.client.ok(POSTS, { id: thread.id, first: 100, after });
        seen.push(...page.posts.edges.map((edge) => edge.node.body));
        if (!page.posts.pageInfo.hasNextPage) return seen;
        after = page.posts.pageInfo.endCursor;
      }
    };
    const forEmployee = await read(employee);
    expect(forEmployee).toHaveLength(10_000);
    expect(new Set(forEmployee).size).toBe(10_000);
    const forCustomer = await read(customer);
    expect(forCustomer).toHaveLength(9_000);
    expect(forCustomer.every((body) => Number(body.split(' ')[1]) % 10 !== 0)).toBe(true);
  });
});
