import { waitFor, type UntypedData } from '@kern/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { watchServiceCalls } from '../foundation/service-calls';
import { Community, type Person } from '../spaces/community';
import { REPLY, START } from '../threads/forum';

let community: Community;
let manager: Person;
let employee: Person;
let customer: Person;
let space: { id: string };
const clients: Client[] = [];

beforeAll(async () => {
  community = await Community.start();
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  [employee, customer] = await Promise.all([community.employee('emil'), community.customer('cora')]);
  space = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
});
afterAll(async () => {
  // graphql-ws types dispose() as void | Promise<void>.
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await community?.stop();
});

/** A graphql-ws connection through a given gateway. */
function connection(url: string, person: Person | null) {
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: person ? { authorization: `Bearer ${person.client.token}` } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** Subscribes on a connection and collects what arrives. */
function subscribeOn(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: UntypedData[] = [];
  const errors: unknown[] = [];
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => received.push(value.data ?? { errors: value.errors }),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { received, errors, unsubscribe };
}

/** Subscribes on a connection of its own. */
function subscribe(url: string, person: Person | null, query: string, variables: Record<string, unknown> = {}) {
  return subscribeOn(connection(url, person), query, variables);
}

const POST_ADDED = `subscription($threadId: ID!) { postAdded(threadId: $threadId) { body visibility author { handle } } }`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { kind count post { body } } }`;
/**
 * graphql-ws does not acknowledge that a subscription started, and proving that something did NOT
 * arrive needs time too: the one fixed wait, kept short.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

it('postAdded streams new posts to subscribers, internal notes to employees only, on every gateway replica', async () => {
  const second = await community.stack.startProcess('gateway', { GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1' });
  const { port } = await second.waitForLog((line) => typeof line.port === 'number', 'second gateway port');
  const thread = (
    await customer.client.ok(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title: 'Live thread', body: 'Body' },
    })
  ).startThread;

  const asCustomer = subscribe(community.stack.gatewayUrl, customer, POST_ADDED, { threadId: thread.id });
  const asEmployee = subscribe(`http://127.0.0.1:${port as number}`, employee, POST_ADDED, { threadId: thread.id });
  const anonymous = subscribe(community.stack.gatewayUrl, null, POST_ADDED, { threadId: thread.id });
  await settle();

  await employee.client.ok(REPLY, { input: { threadId: thread.id, body: 'internal remark', visibility: 'INTERNAL' } });
  await employee.client.ok(REPLY, { input: { threadId: thread.id, body: 'public answer' } });
  await waitFor(
    () => asEmployee.received.length === 2 && asCustomer.received.length === 1 && anonymous.received.length === 1,
    { what: 'the posts to arrive' },
  );
  await settle();

  expect(asEmployee.received.map((data) => data.postAdded.body)).toEqual(['internal remark', 'public answer']);
  expect(asCustomer.received.map((data) => data.postAdded.body)).toEqual(['public answer']);
  expect(anonymous.received.map((data) => data.postAdded.body)).toEqual(['public answer']);
});

it('postAdded refuses a thread the subscriber may not read, as NOT_FOUND', async () => {
  const internal = await community.space(manager, {
    slug: 'inside',
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  const thread = (
    await employee.client.ok(START, {
      input: { spaceId: internal.id, kind: 'DISCUSSION', title: 'Secret', body: 'Body' },
    })
  ).startThread;
  const asCustomer = subscribe(community.stack.gatewayUrl, customer, POST_ADDED, { threadId: thread.id });
  await waitFor(() => asCustomer.received.length > 0 || asCustomer.errors.length > 0, { what: 'an answer' });
  expect(JSON.stringify(asCustomer.received)).toContain('NOT_FOUND');
  await employee.client.ok(REPLY, { input: { threadId: thread.id, body: 'still secret' } });
  await settle();
  expect(JSON.stringify(asCustomer.received)).not.toContain('still secret');
});

it('notificationAdded tells the subscriber of their own notifications only', async () => {
  const thread = (
    await customer.client.ok(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title: 'Notify me', body: 'Body' },
    })
  ).startThread;
  const mine = subscribe(community.stack.gatewayUrl, customer, NOTIFICATION_ADDED);
  const someoneElse = subscribe(community.stack.gatewayUrl, manager, NOTIFICATION_ADDED);
  await settle();
  await employee.client.ok(REPLY, { input: { threadId: thread.id, body: 'an answer for cora' } });
  await waitFor(() => mine.received.length === 1, { what: "cora's notification" });
  expect(mine.received[0].notificationAdded).toEqual({ kind: 'REPLY', count: 1, post: { body: 'an answer for cora' } });
  await settle();
  expect(someoneElse.received).toEqual([]);
});

it('refuses a connection with a bad token', async () => {
  const forged = { ...customer, client: community.anonymous.withToken('not-a-token') };
  const bad = subscribe(community.stack.gatewayUrl, forged, NOTIFICATION_ADDED);
  await waitFor(() => bad.errors.length > 0 || bad.received.length > 0, { what: 'the refusal' });
  expect(bad.received.filter((data) => data.notificationAdded)).toEqual([]);
});

describe('subscriptions cannot be used to knock the gateway over', () => {
  const DEEP = `subscription($threadId: ID!) {
    postAdded(threadId: $threadId) { thread { posts { edges { node { thread { posts { edges { node { thread { title } } } } } } } } } }
  }`;
  let thread: { id: string };

  beforeAll(async () => {
    thread = (
      await customer.client.ok(START, { input: { spaceId: space.id, kind: 'QUESTION', title: 'Limits', body: 'Body' } })
    ).startThread;
  });

  it('refuses a subscription nested deeper than the limit, as over HTTP', async () => {
    const deep = subscribe(community.stack.gatewayUrl, customer, DEEP, { threadId: thread.id });
    await waitFor(() => deep.errors.length > 0 || deep.received.length > 0, { what: 'the refusal' });
    expect(deep.errors).toEqual([
      [
        expect.objectContaining({
          message: 'Query is 11 levels deep; the limit is 10',
          extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'DEPTH', max: 10, actual: 11 },
        }),
      ],
    ]);
  });

  it('refuses subscriptions past the limit per connection, and counts only those still open', async () => {
    const socket = connection(community.stack.gatewayUrl, customer);
    const open = Array.from({ length: 20 }, () => subscribeOn(socket, POST_ADDED, { threadId: thread.id }));
    const oneTooMany = subscribeOn(socket, POST_ADDED, { threadId: thread.id });
    await waitFor(() => oneTooMany.errors.length > 0, { what: 'the 21st subscription to be refused' });
    expect(oneTooMany.errors).toEqual([
      [expect.objectContaining({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'SUBSCRIPTIONS', max: 20 } })],
    ]);

    open[0].unsubscribe();
    const replacement = subscribeOn(socket, POST_ADDED, { threadId: thread.id });
    await settle();
    await employee.client.ok(REPLY, { input: { threadId: thread.id, body: 'for the subscribers still listening' } });
    await waitFor(
      () =>
        replacement.received.length === 1 && open.slice(1).every((subscription) => subscription.received.length === 1),
      { what: 'the post on every open subscription' },
    );
    expect(open[0].received).toEqual([]);
    expect(replacement.errors).toEqual([]);
  });

  it('checks each new post once per viewer, however many identical subscriptions they hold', async () => {
    const customerSockets = [
      connection(community.stack.gatewayUrl, customer),
      connection(community.stack.gatewayUrl, customer),
    ];
    const asCustomer = [
      ...Array.from({ length: 3 }, () => subscribeOn(customerSockets[0], POST_ADDED, { threadId: thread.id })),
      ...Array.from({ length: 2 }, () => subscribeOn(customerSockets[1], POST_ADDED, { threadId: thread.id })),
    ];
    const employeeSocket = connection(community.stack.gatewayUrl, employee);
    const asEmployee = Array.from({ length: 2 }, () =>
      subscribeOn(employeeSocket, POST_ADDED, { threadId: thread.id }),
    );
    await settle();
    const calls = await watchServiceCalls(community.stack.nats.url, 'threads.post.get-many');
    try {
      const note = (
        await employee.client.ok(`mutation($input: ReplyInput!) { reply(input: $input) { id } }`, {
          input: { threadId: thread.id, body: 'note for employees', visibility: 'INTERNAL' },
        })
      ).reply;
      const answer = (
        await employee.client.ok(`mutation($input: ReplyInput!) { reply(input: $input) { id } }`, {
          input: { threadId: thread.id, body: 'answer for all' },
        })
      ).reply;
      const lastBody = (subscription: { received: UntypedData[] }) => subscription.received.at(-1)?.postAdded.body;
      await waitFor(
        () => [...asCustomer, ...asEmployee].every((subscription) => lastBody(subscription) === 'answer for all'),
        { what: 'the answer on every subscription' },
      );

      expect(asEmployee.map((subscription) => subscription.received.map((data) => data.postAdded.body))).toEqual(
        Array.from({ length: 2 }, () => ['note for employees', 'answer for all']),
      );
      expect(asCustomer.map((subscription) => subscription.received.map((data) => data.postAdded.body))).toEqual(
        Array.from({ length: 5 }, () => ['answer for all']),
      );
      // One look-up per post for each set of rights: the customer's and the employee's.
      const [noteId, answerId] = [note.id, answer.id].map((id: string) =>
        Buffer.from(id, 'base64url')
          .toString('utf8')
          .replace(/^Post:/, ''),
      );
      const lookups = (await calls.payloads()).filter(
        (payload) => payload.ids.includes(noteId) || payload.ids.includes(answerId),
      );
      expect(lookups.map((payload) => payload.ids.join()).sort()).toEqual([noteId, noteId, answerId, answerId].sort());
    } finally {
      await calls.stop();
    }
  });
});
