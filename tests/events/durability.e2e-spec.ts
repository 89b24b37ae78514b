import { EVENT_STREAMS } from '@kern/contracts';
import { queryDatabase, waitFor } from '@kern/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { register } from '../identity/operations';
import { Community, type Person } from '../spaces/community';
import { START } from '../threads/forum';

const REPLY = `mutation($input: ReplyInput!) { reply(input: $input) { id } }`;
const INBOX = `{ notifications(first: 10) { edges { node { kind count thread { title } } } } }`;
const MY_SPACES = `{ mySpaces { edges { node { slug } } } }`;

let community: Community;
let manager: Person;
let employee: Person;
let customer: Person;
let space: { id: string };

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
afterAll(() => community?.stop());

it('every reply acknowledged before the threads service was killed exists after its restart, and its events are delivered once', async () => {
  const thread = (
    await customer.client.ok(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title: 'Under fire', body: 'Body' },
    })
  ).startThread;
  const acknowledged: string[] = [];
  let sent = 0;
  const writer = async () => {
    while (sent < 500) {
      const n = (sent += 1);
      const response = await employee.client.request(REPLY, { input: { threadId: thread.id, body: `reply ${n}` } });
      if (response.data?.reply) acknowledged.push(response.data.reply.id);
    }
  };
  const writing = Promise.all(Array.from({ length: 8 }, writer));
  await waitFor(() => acknowledged.length >= 100, { what: '100 acknowledged replies' });
  const [threadsService] = community.stack.find('threads');
  threadsService.signal('SIGKILL');
  await waitFor(() => threadsService.exitStatus !== null, { what: 'the threads service to die' });
  await community.stack.startProcess('threads');
  await writing;
  expect(acknowledged.length).toBeGreaterThan(100);

  const ids = acknowledged.map((id) => Buffer.from(id, 'base64url').toString().split(':')[1]);
  const stored = await queryDatabase<{ count: number }>(
    community.stack.database.url,
    `SELECT count(*)::int AS count FROM threads.posts WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  expect(stored[0].count).toBe(acknowledged.length);

  // Every stored reply (acknowledged or not) is announced exactly once: the author's gathered notification counts them all.
  const [{ count: replies }] = await queryDatabase<{ count: number }>(
    community.stack.database.url,
    `SELECT count(*)::int AS count FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id WHERE t.title = 'Under fire' AND NOT p.opening`,
  );
  await waitFor(
    async () => {
      const { notifications } = await customer.client.ok(INBOX);
      return notifications.edges.some(
        (edge: { node: { count: number; thread: { title: string } } }) =>
          edge.node.thread?.title === 'Under fire' && edge.node.count === replies,
      );
    },
    { what: `one notification counting all ${replies} replies`, timeoutMs: 60_000 },
  );
});

it('an event that cannot be applied goes to the dead letters and holds up nothing behind it', async () => {
  const connection = await connect({ servers: [community.stack.nats.url] });
  try {
    const js = jetstream(connection);
    await js.publish(
      'events.identity.invitation.accepted',
      JSON.stringify({
        id: '7b0c2a8e-4f8c-4d7e-9a51-2f2b7a1c0d11',
        name: 'identity.invitation.accepted',
        version: 1,
        payload: { nonsense: true },
      }),
    );

    const invite = `mutation($email: String!, $spaceIds: [ID!]) { createInvitation(input: { email: $email, kind: CUSTOMER, spaceIds: $spaceIds }) { token } }`;
    const { createInvitation } = await manager.client.ok(invite, {
      email: 'after@customer.test',
      spaceIds: [space.id],
    });
    const after = await register(community.anonymous, 'after', 'after@customer.test', {
      invitationToken: createInvitation.token,
    });
    await waitFor(
      async () => (await community.anonymous.withToken(after.accessToken).ok(MY_SPACES)).mySpaces.edges.length === 1,
      { what: 'the next event to be applied' },
    );

    const jsm = await jetstreamManager(connection);
    const info = await jsm.streams.info(EVENT_STREAMS.deadLetters.name);
    expect(info.state.messages).toBeGreaterThanOrEqual(1);
    const letter = await jsm.streams.getMessage(EVENT_STREAMS.deadLetters.name, {
      last_by_subj: 'dead-letter.spaces-admit-invitee',
    });
    expect(letter?.json<{ consumer: string; event: string }>()).toMatchObject({
      consumer: 'spaces-admit-invitee',
      event: expect.stringContaining('nonsense'),
    });
    const logged = community.stack
      .find('spaces')[0]
      .waitForLog((line) => line.msg === 'event moved to the dead letters', 'the dead letter in the log', 5000);
    await expect(logged).resolves.toMatchObject({ consumer: 'spaces-admit-invitee' });
    const health = (await (await fetch(`${community.stack.gatewayUrl}/health`)).json()) as {
      events: { deadLetters: number };
    };
    expect(health.events.deadLetters).toBeGreaterThanOrEqual(1);
  } finally {
    await connection.close();
  }
});
