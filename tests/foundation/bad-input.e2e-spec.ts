import type { GraphQLResponse } from '@kern/testing';
import { register } from '../identity/operations';
import { Community, type Person } from '../spaces/community';
import { REPLY, START } from '../threads/forum';

/**
 * Whatever a client sends, a mistake is its own: BAD_USER_INPUT naming the field (or, for text that
 * is not even GraphQL, GRAPHQL_PARSE_FAILED), never INTERNAL_SERVER_ERROR.
 */
let community: Community;
let manager: Person;
let space: { id: string };
let thread: { id: string };

beforeAll(async () => {
  community = await Community.start();
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  space = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  thread = (
    await manager.client.ok(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title: 'How do I pay?', body: 'Question body' },
    })
  ).startThread;
  await manager.client.ok(REPLY, { input: { threadId: thread.id, body: 'A reply' } });
});
afterAll(() => community?.stop());

/** What a client holds: cursors are opaque base64url, as the gateway hands them out. */
const cursor = (key: string) => Buffer.from(key).toString('base64url');
const UUID = '0b7c2f9e-3d1a-4c5b-9e8f-7a6b5c4d3e2f';

const START_INPUT = (input: Record<string, unknown>) => ({
  input: { spaceId: space.id, kind: 'DISCUSSION', title: 'A fine title', body: 'A fine body', ...input },
});
const SEARCH = `query($query: String!, $after: String) { search(query: $query, after: $after) { edges { cursor } } }`;
const POSTS = `query($id: ID!, $after: String) { thread(id: $id) { posts(after: $after) { edges { cursor } } } }`;
const THREADS = `query($id: ID!, $after: String) { space(id: $id) { threads(after: $after) { edges { cursor } } } }`;
const MEMBERS = `query($id: ID!, $after: String) { space(id: $id) { members(after: $after) { edges { cursor } } } }`;
const NOTIFICATIONS = `query($after: String) { notifications(after: $after) { edges { cursor } } }`;
const REVIEW_QUEUE = `query($after: String) { reviewQueue(after: $after) { edges { cursor } } }`;
const SPACES = `query($after: String) { spaces(after: $after) { edges { cursor } } }`;
const CREATE_SPACE = `mutation($name: String!) { createSpace(input: { slug: "named", name: $name, description: "", audience: INTERNAL, joinPolicy: OPEN, topics: ["billing"] }) { id } }`;
const CREATE_TOPIC = `mutation($name: String!) { createTopic(input: { slug: "named", name: $name }) { id } }`;
const PROFILE = `mutation($headline: String) { updateProfile(input: { headline: $headline }) { headline } }`;
const REGISTER = `mutation($displayName: String!) {
  register(input: { email: "nul@example.com", password: "correct horse battery staple", displayName: $displayName, handle: "nul" }) { accessToken }
}`;

/** Every field an error names (always in `fields`, whichever check refused the input). */
function fieldsOf(response: GraphQLResponse): string[] {
  const extensions = response.errors?.[0]?.extensions ?? {};
  expect(extensions.field).toBeUndefined();
  return ((extensions.fields ?? []) as Array<{ field: string }>).map((entry) => entry.field);
}

interface Case {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  /** The field the error must name. */
  field: string;
  anonymous?: boolean;
}

const NUL = 'before\u0000after';
const LONE_HIGH = 'broken \ud800 text';
const LONE_LOW = '\udc00 broken';
const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff\u00ad';

const cases: Case[] = [
  { name: 'a NUL in a body', query: START, variables: () => START_INPUT({ body: NUL }), field: 'body' },
  { name: 'a NUL in a title', query: START, variables: () => START_INPUT({ title: NUL }), field: 'title' },
  {
    name: 'a NUL in a reply',
    query: REPLY,
    variables: () => ({ input: { threadId: thread.id, body: NUL } }),
    field: 'body',
  },
  {
    name: 'a NUL in a display name',
    query: REGISTER,
    variables: () => ({ displayName: NUL }),
    field: 'displayName',
    anonymous: true,
  },
  {
    name: 'a NUL in a search query',
    query: SEARCH,
    variables: () => ({ query: NUL }),
    field: 'query',
    anonymous: true,
  },
  { name: 'a NUL in a space name', query: CREATE_SPACE, variables: () => ({ name: NUL }), field: 'name' },
  { name: 'a NUL in a topic name', query: CREATE_TOPIC, variables: () => ({ name: NUL }), field: 'name' },
  {
    name: 'a NUL inside an inline string literal',
    query: `{ search(query: "pay\\u0000") { edges { cursor } } }`,
    field: 'query',
    anonymous: true,
  },
  {
    name: 'a lone high surrogate in a body',
    query: START,
    variables: () => START_INPUT({ body: LONE_HIGH }),
    field: 'body',
  },
  {
    name: 'a lone low surrogate in a title',
    query: START,
    variables: () => START_INPUT({ title: LONE_LOW }),
    field: 'title',
  },
  {
    name: 'a lone surrogate in a display name',
    query: REGISTER,
    variables: () => ({ displayName: LONE_HIGH }),
    field: 'displayName',
    anonymous: true,
  },
  {
    name: 'a lone surrogate in a search query',
    query: SEARCH,
    variables: () => ({ query: LONE_LOW }),
    field: 'query',
    anonymous: true,
  },
  {
    name: 'a NUL in a directory cursor',
    query: SPACES,
    variables: () => ({ after: cursor('a\u0000') }),
    field: 'after',
    anonymous: true,
  },
  {
    name: 'a posts cursor of 20 digits',
    query: POSTS,
    variables: () => ({ id: thread.id, after: cursor('99999999999999999999') }),
    field: 'after',
  },
  {
    name: 'a posts cursor of 19 digits past the largest bigint',
    query: POSTS,
    variables: () => ({ id: thread.id, after: cursor('9999999999999999999') }),
    field: 'after',
  },
  {
    name: 'a posts cursor that is not base64url of digits',
    query: POSTS,
    variables: () => ({ id: thread.id, after: '99999999999999999999' }),
    field: 'after',
  },
  {
    name: 'a review queue cursor past the largest bigint',
    query: REVIEW_QUEUE,
    variables: () => ({ after: cursor('9223372036854775808') }),
    field: 'after',
  },
  {
    name: 'a members cursor in year +275760',
    query: MEMBERS,
    variables: () => ({ id: space.id, after: cursor(`+275760-09-13T00:00:00.000Z|${UUID}`) }),
    field: 'after',
  },
  {
    name: 'a members cursor on 30 February',
    query: MEMBERS,
    variables: () => ({ id: space.id, after: cursor(`2024-02-30T00:00:00.000Z|${UUID}`) }),
    field: 'after',
  },
  {
    name: 'a members cursor with a uuid of dashes',
    query: MEMBERS,
    variables: () => ({ id: space.id, after: cursor(`2024-01-01T00:00:00.000Z|${'-'.repeat(36)}`) }),
    field: 'after',
  },
  {
    name: 'a members cursor whose date is one JavaScript guesses',
    query: MEMBERS,
    variables: () => ({ id: space.id, after: cursor(`1|${UUID}`) }),
    field: 'after',
  },
  {
    name: 'a threads cursor in year +020000',
    query: THREADS,
    variables: () => ({ id: space.id, after: cursor(`+020000-01-01T00:00:00Z|${UUID}`) }),
    field: 'after',
  },
  {
    name: 'a threads cursor in year 0',
    query: THREADS,
    variables: () => ({ id: space.id, after: cursor(`0000-01-01T00:00:00.000Z|${UUID}`) }),
    field: 'after',
  },
  {
    name: 'a threads cursor at the last moment JavaScript knows',
    query: THREADS,
    variables: () => ({ id: space.id, after: cursor(`+275760-09-13T00:00:00.000Z|${UUID}`) }),
    field: 'after',
  },
  {
    name: 'a notifications cursor in year -000001',
    query: NOTIFICATIONS,
    variables: () => ({ after: cursor(`-000001-01-01T00:00:00.000Z|${UUID}`) }),
    field: 'after',
  },
  {
    name: 'a body of only zero-width characters',
    query: START,
    variables: () => START_INPUT({ body: ZERO_WIDTH }),
    field: 'body',
  },
  {
    name: 'a reply of only spaces and zero-width characters',
    query: REPLY,
    variables: () => ({ input: { threadId: thread.id, body: ` ${ZERO_WIDTH} \u200b ` } }),
    field: 'body',
  },
  {
    name: 'a title of only zero-width characters',
    query: START,
    variables: () => START_INPUT({ title: ZERO_WIDTH }),
    field: 'title',
  },
  {
    name: 'a title of two letters padded with zero-width spaces',
    query: START,
    variables: () => START_INPUT({ title: 'ab\u200b\u200b' }),
    field: 'title',
  },
  {
    name: 'a display name of only zero-width characters',
    query: REGISTER,
    variables: () => ({ displayName: ZERO_WIDTH }),
    field: 'displayName',
    anonymous: true,
  },
  {
    name: 'a space name of only zero-width characters',
    query: CREATE_SPACE,
    variables: () => ({ name: ZERO_WIDTH }),
    field: 'name',
  },
  {
    name: 'a title of 201 emoji',
    query: START,
    variables: () => START_INPUT({ title: '👍🏽'.repeat(201) }),
    field: 'title',
  },
  {
    name: 'a headline of 121 emoji',
    query: PROFILE,
    variables: () => ({ headline: '👍🏽'.repeat(121) }),
    field: 'headline',
  },
  {
    name: 'a headline of only zero-width characters and a NUL',
    query: PROFILE,
    variables: () => ({ headline: `${ZERO_WIDTH}\u0000` }),
    field: 'headline',
  },
  {
    name: 'a title of 10,000 combining marks on one letter',
    query: START,
    variables: () => START_INPUT({ title: `a${'\u0301'.repeat(10_000)}` }),
    field: 'title',
  },
];

describe('bad input is BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', () => {
  it.each(cases)('refuses $name', async ({ query, variables, field, anonymous }) => {
    const client = anonymous ? community.anonymous : manager.client;
    const response = await client.request(query, variables?.());
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(response)).toContain(field);
    expect(response.errors?.map((error) => error.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('refuses a lone surrogate escape in an inline literal as a syntax error', async () => {
    const response = await community.anonymous.request(`{ search(query: "pay\\ud800") { edges { cursor } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('still takes the cursors it handed out', async () => {
    const posts = (await manager.client.ok(POSTS, { id: thread.id })).thread.posts.edges;
    expect((await manager.client.ok(POSTS, { id: thread.id, after: posts[0].cursor })).thread.posts.edges).toHaveLength(
      posts.length - 1,
    );
    const threads = (await manager.client.ok(THREADS, { id: space.id })).space.threads.edges;
    expect(
      (await manager.client.ok(THREADS, { id: space.id, after: threads[0].cursor })).space.threads.edges,
    ).toHaveLength(threads.length - 1);
    const members = (await manager.client.ok(MEMBERS, { id: space.id })).space.members.edges;
    expect(
      (await manager.client.ok(MEMBERS, { id: space.id, after: members[0].cursor })).space.members.edges,
    ).toHaveLength(members.length - 1);
  });
});

describe('lengths count the characters a person sees', () => {
  it('takes a title of 200 emoji with skin tones', async () => {
    const title = '👍🏽'.repeat(200);
    expect((await manager.client.ok(START, START_INPUT({ title }))).startThread.title).toBe(title);
  });

  it('takes a headline of 120 emoji, its limit', async () => {
    const headline = '👍🏽'.repeat(120);
    expect((await manager.client.ok(PROFILE, { headline })).updateProfile.headline).toBe(headline);
  });

  it('takes a title of 200 letters with combining accents', async () => {
    const title = 'e\u0301'.repeat(200);
    expect((await manager.client.ok(START, START_INPUT({ title }))).startThread.title).toBe(title);
  });

  it('takes a display name of 80 family emoji', async () => {
    const displayName = '👨‍👩‍👧‍👦'.repeat(80);
    const session = await register(community.anonymous, 'family', 'family@example.com', { displayName });
    expect(session.user.handle).toBe('family');
  });

  it('keeps text that starts with a zero-width character but says something', async () => {
    const body = '\u200bVisible text';
    expect((await manager.client.ok(REPLY, { input: { threadId: thread.id, body } })).reply.body).toBe(body);
  });
});
