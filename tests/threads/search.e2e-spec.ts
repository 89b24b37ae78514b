import { queryDatabase, waitFor } from '@kern/testing';
import { Community, JOIN, UPDATE_SPACE, type Person } from '../spaces/community';
import { DELETE, EDIT, REPLY, START } from './forum';

const SEARCH = `query($query: String!, $spaceId: ID, $first: Int, $after: String) {
  search(query: $query, spaceId: $spaceId, first: $first, after: $after) {
    edges { cursor node { snippet thread { id title space { slug } } post { id visibility } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Hit {
  snippet: string;
  thread: { id: string; title: string; space: { slug: string } };
  post: { id: string; visibility: string } | null;
}
interface SearchPage {
  edges: Array<{ cursor: string; node: Hit }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let community: Community;
let manager: Person;
let employee: Person;
let customer: Person;
let help: { id: string };
let hulp: { id: string };
let backoffice: { id: string };
let club: { id: string };

beforeAll(async () => {
  // New customers may post freely here: the limits on new accounts have their own tests.
  community = await Community.start({
    WRITES_PER_MINUTE: '1000',
    NEW_ACCOUNT_THREADS_FIRST_DAY: '100',
    NEW_ACCOUNT_REPLIES_FIRST_DAY: '100',
    NEW_ACCOUNT_SECONDS_BETWEEN_POSTS: '0',
  });
  await community.topic('animals');
  manager = await community.employee('olga', { manager: true });
  [employee, customer] = await Promise.all([community.employee('emil'), community.customer('cora')]);
  help = await community.space(manager, {
    slug: 'help',
    topics: ['animals'],
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
  });
  hulp = await community.space(manager, {
    slug: 'hulp',
    topics: ['animals'],
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    language: 'nl',
  });
  backoffice = await community.space(manager, {
    slug: 'backoffice',
    topics: ['animals'],
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
  });
  club = await community.space(manager, {
    slug: 'club',
    topics: ['animals'],
    audience: 'EXTERNAL',
    joinPolicy: 'APPROVAL',
  });
});
afterAll(() => community?.stop());

const start = async (person: Person, space: { id: string }, title: string, body: string) =>
  (await person.client.ok(START, { input: { spaceId: space.id, kind: 'DISCUSSION', title, body } })).startThread;
const reply = async (person: Person, threadId: string, body: string, visibility = 'EVERYONE') =>
  (await person.client.ok(REPLY, { input: { threadId, body, visibility } })).reply;
const search = async (
  person: Person | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SearchPage> => (await (person?.client ?? community.anonymous).ok(SEARCH, { query, ...variables })).search;
const titles = (page: SearchPage) => page.edges.map((edge) => edge.node.thread.title);
/** The service's id inside a global id, to age rows in the database. */
const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

describe('language', () => {
  it('stems English: "community" finds "communities", and the snippet marks the word found', async () => {
    const thread = await start(
      employee,
      help,
      'Growing user groups',
      'How do other communities keep their members engaged?',
    );
    const hit = (await search(customer, 'community')).edges.find((edge) => edge.node.thread.id === thread.id)?.node;
    expect(hit).toMatchObject({ post: null, thread: { title: 'Growing user groups', space: { slug: 'help' } } });
    expect(hit?.snippet).toContain('<mark>communities</mark>');
  });

  it('stems Dutch in a Dutch space: "lening" finds "leningen" there, not in an English space', async () => {
    await start(employee, hulp, 'Vragen over de hypotheek', 'Hoeveel leningen kan ik tegelijk afsluiten?');
    await start(employee, help, 'Spreadsheet names', 'Our leningen spreadsheet has a Dutch name.');
    const page = await search(customer, 'lening');
    expect(titles(page)).toEqual(['Vragen over de hypotheek']);
    expect(page.edges[0].node.snippet).toContain('<mark>leningen</mark>');
  });

  it('stems again what a space already holds when its language changes', async () => {
    const switching = await community.space(manager, {
      slug: 'omschakeling',
      topics: ['animals'],
      audience: 'EXTERNAL',
      joinPolicy: 'OPEN',
    });
    await start(employee, switching, 'Vraag over financiering', 'Welke leningen zijn er voor starters?');
    expect(titles(await search(customer, 'lening', { spaceId: switching.id }))).toEqual([]);
    await manager.client.ok(UPDATE_SPACE, { input: { spaceId: switching.id, language: 'nl' } });
    await waitFor(async () => titles(await search(customer, 'lening', { spaceId: switching.id })).length === 1, {
      what: 'the Dutch stems',
    });
  });

  it('matches the English words of Dutch texts too: a Dutch space finds "communities" from "community"', async () => {
    await start(employee, hulp, 'Ledenwerving', 'Hoe groeien andere online communities zo snel?');
    const page = await search(customer, 'community', { spaceId: hulp.id });
    expect(titles(page)).toEqual(['Ledenwerving']);
    expect(page.edges[0].node.snippet).toContain('<mark>communities</mark>');
  });
});

describe('what users type', () => {
  it('reads quotes as a phrase and -word as "without"', async () => {
    await start(employee, help, 'Settings trouble', 'I cannot reset the password from the settings page.');
    await start(employee, help, 'Expired mail', 'The password reset link in the mail expired.');
    expect(titles(await search(customer, '"reset the password"'))).toEqual(['Settings trouble']);
    expect(titles(await search(customer, 'password -link'))).toEqual(['Settings trouble']);
    expect((await search(customer, 'password reset')).edges).toHaveLength(2);
    expect(titles(await search(customer, 'mail or settings -page'))).toEqual(['Expired mail']);
  });

  it('finds a thread by its title and text together, and by the text it was edited to', async () => {
    const thread = await start(employee, help, 'Cannot sign in', 'My passphrase is refused since Monday.');
    expect(titles(await search(customer, 'sign passphrase'))).toEqual(['Cannot sign in']);
    expect((await search(customer, 'sign -monday')).edges).toEqual([]);
    await employee.client.ok(EDIT, { postId: thread.openingPost.id, body: 'My passkey is refused since Tuesday.' });
    expect(titles(await search(customer, 'passkey tuesday'))).toEqual(['Cannot sign in']);
    expect((await search(customer, 'passphrase')).edges).toEqual([]);
  });

  it('refuses an empty, too long or exclusions-only query and a bad cursor with BAD_USER_INPUT; stop words alone find nothing', async () => {
    for (const query of ['', '   ', 'x'.repeat(201), '-link', '-"reset link"']) {
      expect(await customer.client.errorCode(SEARCH, { query })).toBe('BAD_USER_INPUT');
    }
    expect(await customer.client.errorCode(SEARCH, { query: 'password', first: 101 })).toBe('BAD_USER_INPUT');
    expect(
      await customer.client.errorCode(SEARCH, { query: 'password', after: Buffer.from('1.2.3').toString('base64url') }),
    ).toBe('BAD_USER_INPUT');
    expect((await search(customer, 'the')).edges).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts the thread about the word before the one that mentions it in a reply, and says which reply', async () => {
    await start(employee, help, 'Gizmo report', 'The gizmo numbers of the gizmo team.');
    const passing = await start(employee, help, 'Assorted notes', 'Nothing to see here.');
    const mention = await reply(customer, passing.id, 'Someone asked about a gizmo once.');
    const page = await search(customer, 'gizmo');
    expect(titles(page)).toEqual(['Gizmo report', 'Assorted notes']);
    expect(page.edges[1].node.post).toEqual({ id: mention.id, visibility: 'EVERYONE' });
    expect(page.edges[1].node.snippet).toBe('Someone asked about a <mark>gizmo</mark> once');
  });

  it('puts the newer of two equal matches first', async () => {
    const newer = await start(employee, help, 'Widget sync fails', 'The widget sync stops at night.');
    const older = await start(employee, help, 'Widget sync fails', 'The widget sync stops at night.');
    // Written last, but three months old: recency, not the order of writing, decides.
    await queryDatabase(
      community.stack.database.url,
      `UPDATE threads.threads SET created_at = created_at - interval '90 days' WHERE id = $1`,
      [uuidOf(older.id)],
    );
    await queryDatabase(
      community.stack.database.url,
      `UPDATE threads.posts SET created_at = created_at - interval '90 days' WHERE thread_id = $1`,
      [uuidOf(older.id)],
    );
    expect((await search(customer, 'widget sync')).edges.map((edge) => edge.node.thread.id)).toEqual([
      newer.id,
      older.id,
    ]);
  });
});

describe('snippets', () => {
  it('are escaped HTML in which only the matches are marked', async () => {
    await start(
      employee,
      help,
      'Unsafe paste',
      'The frobnicator breaks when you paste <script>alert(1)</script> & <b>friends</b> into it.',
    );
    const [hit] = (await search(customer, 'frobnicator')).edges;
    expect(hit.node.snippet).toContain(
      '<mark>frobnicator</mark> breaks when you paste &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt;',
    );
    expect(hit.node.snippet.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/[<>]/);
  });
});

describe('who finds what', () => {
  it('customers and anonymous readers never find an internal space or an internal note; employees find both', async () => {
    await start(employee, backoffice, 'Quokka pricing', 'Our quokka margins, for the team only.');
    const open = await start(employee, help, 'Parcel question', 'When does my parcel arrive?');
    const note = await reply(employee, open.id, 'The quokka warehouse is running late.', 'INTERNAL');

    for (const reader of [customer, null]) {
      expect((await search(reader, 'quokka')).edges).toEqual([]);
      expect((await search(reader, 'quokka warehouse late')).edges).toEqual([]);
    }
    expect(await customer.client.errorCode(SEARCH, { query: 'quokka', spaceId: backoffice.id })).toBe('NOT_FOUND');

    const found = await search(employee, 'quokka');
    expect(titles(found).sort()).toEqual(['Parcel question', 'Quokka pricing']);
    expect(found.edges.find((edge) => edge.node.post)?.node.post).toEqual({ id: note.id, visibility: 'INTERNAL' });
  });

  it('nobody finds held or hidden posts of others, nor deleted posts; authors find their own held post', async () => {
    const author = await community.customer('hank');
    const thread = await start(employee, help, 'Feeding schedule', 'What do the animals eat?');
    const held = await reply(author, thread.id, 'My walrus eats herring.');
    const hidden = await reply(customer, thread.id, 'Walrus facts for everyone.');
    const deleted = await reply(employee, thread.id, 'A walrus needs plenty of room.');
    await queryDatabase(
      community.stack.database.url,
      `UPDATE threads.posts SET status = 'PENDING_REVIEW' WHERE id = $1`,
      [uuidOf(held.id)],
    );
    await queryDatabase(community.stack.database.url, `UPDATE threads.posts SET status = 'HIDDEN' WHERE id = $1`, [
      uuidOf(hidden.id),
    ]);
    await employee.client.ok(DELETE, { postId: deleted.id });

    for (const reader of [employee, manager, null]) expect((await search(reader, 'walrus')).edges).toEqual([]);
    expect((await search(customer, 'walrus')).edges.map((edge) => edge.node.post?.id)).toEqual([hidden.id]);
    expect((await search(author, 'walrus')).edges.map((edge) => edge.node.post?.id)).toEqual([held.id]);
  });

  it('follows who may read a space: anonymous readers find open external spaces only, members their closed ones', async () => {
    await start(manager, club, 'Narwhal meetup', 'The narwhal club meets on Friday.');
    await start(employee, help, 'Narwhal facts', 'A narwhal has a long tooth.');
    for (const reader of [null, customer, employee])
      expect(titles(await search(reader, 'narwhal'))).toEqual(['Narwhal facts']);
    expect(titles(await search(manager, 'narwhal')).sort()).toEqual(['Narwhal facts', 'Narwhal meetup']);

    expect(await community.anonymous.errorCode(SEARCH, { query: 'narwhal', spaceId: club.id })).toBe('NOT_FOUND');
    expect(await customer.client.errorCode(SEARCH, { query: 'narwhal', spaceId: club.id })).toBe('FORBIDDEN');
    await customer.client.ok(JOIN, { spaceId: club.id });
    expect(titles(await search(customer, 'narwhal'))).toEqual(['Narwhal facts']);
  });

  it('narrows to one space with spaceId; an id that is not a space is NOT_FOUND', async () => {
    await start(employee, help, 'Ocelot in English', 'An ocelot is a wild cat.');
    await start(employee, hulp, 'Ocelot in het Nederlands', 'Een ocelot is een wilde kat.');
    expect(titles(await search(customer, 'ocelot')).sort()).toEqual(['Ocelot in English', 'Ocelot in het Nederlands']);
    expect(titles(await search(customer, 'ocelot', { spaceId: help.id }))).toEqual(['Ocelot in English']);
    expect(titles(await search(customer, 'ocelot', { spaceId: hulp.id }))).toEqual(['Ocelot in het Nederlands']);
    expect(await customer.client.errorCode(SEARCH, { query: 'ocelot', spaceId: 'nope' })).toBe('NOT_FOUND');
  });
});

describe('paging', () => {
  it('walks the ranking without duplicates, and later pages ignore what was written after the first', async () => {
    for (let n = 1; n <= 5; n++) await start(employee, help, `Pangolin note ${n}`, `Pangolin sighting number ${n}.`);
    const seen: string[] = [];
    let page = await search(customer, 'pangolin', { first: 2 });
    seen.push(...page.edges.map((edge) => edge.node.thread.id));
    // Written while paging: it would push everything down a place if the pages counted it.
    await start(employee, help, 'Pangolin note 6', 'Pangolin sighting number 6, the newest.');
    while (page.pageInfo.hasNextPage) {
      page = await search(customer, 'pangolin', { first: 2, after: page.pageInfo.endCursor });
      seen.push(...page.edges.map((edge) => edge.node.thread.id));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await search(customer, 'pangolin', { first: 10 })).edges).toHaveLength(6);
  });
});
