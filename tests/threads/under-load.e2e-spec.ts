import { queryDatabase, waitFor } from '@kern/testing';
import { Client } from 'pg';
import { Community, JOIN, type Person } from '../spaces/community';
import { EDIT, REPLY, START, THREAD } from './forum';

/**
 * Writes arriving together once left every pooled connection of the threads service "idle in
 * transaction" for good (code inside a transaction waited for a second connection). Now each
 * request holds at most one, and a burst only queues.
 */
let community: Community;
let customer: Person;
let employee: Person;
let spaceId: string;

beforeAll(async () => {
  community = await Community.start();
  const manager = await community.employee('mara', { manager: true });
  await community.topic('invoices');
  [customer, employee] = await Promise.all([community.customer('cees'), community.employee('evi')]);
  spaceId = (
    await community.space(manager, { slug: 'support', audience: 'EXTERNAL', joinPolicy: 'OPEN', topics: ['invoices'] })
  ).id;
  await customer.client.ok(JOIN, { spaceId });
});
afterAll(() => community?.stop());

const startThread = async (person: Person, title: string) =>
  (await person.client.ok(START, { input: { spaceId, kind: 'QUESTION', title, body: 'Where do I find my invoices?' } }))
    .startThread;

async function health() {
  const response = await fetch(`${community.stack.gatewayUrl}/health`);
  return (await response.json()) as { status: string; services: Record<string, { status: string }> };
}

/** No connection of the threads service is left holding a transaction once the burst is over. */
async function idleInTransaction(): Promise<number> {
  const [{ count }] = await queryDatabase<{ count: number }>(
    community.stack.database.url,
    `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kern-threads' AND state LIKE 'idle in transaction%'`,
  );
  return count;
}

async function expectHealthy() {
  const report = await health();
  expect(report.status).toBe('ok');
  for (const service of ['identity', 'spaces', 'threads', 'expertise'])
    expect(report.services[service].status).toBe('ok');
  expect(await idleInTransaction()).toBe(0);
}

it('when one customer sends 50 edits of a post at once, then every acknowledged edit is in its history and the service stays healthy', async () => {
  const thread = await startThread(customer, 'Fifty edits at once');
  const bodies = Array.from({ length: 50 }, (_, n) => `Edited body number ${n}`);
  const answers = await Promise.all(
    bodies.map((body) => customer.client.request(EDIT, { postId: thread.openingPost.id, body })),
  );
  const acknowledged = bodies.filter((_, n) => answers[n].data?.editPost);
  expect(answers.filter((answer) => answer.errors)).toEqual([]);
  expect(acknowledged).toHaveLength(50);
  const stored = await queryDatabase<{ body: string }>(
    community.stack.database.url,
    `SELECT e.previous_body AS body FROM threads.post_edits e JOIN threads.posts p ON p.id = e.post_id JOIN threads.threads t ON t.id = p.thread_id WHERE t.title = $1
     UNION ALL SELECT p.body FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id WHERE t.title = $1 AND p.opening`,
    [thread.title],
  );
  // The versions written are exactly the acknowledged ones, plus the original.
  expect(stored.map((row) => row.body).sort()).toEqual([...acknowledged, 'Where do I find my invoices?'].sort());
  await expectHealthy();
});

it('when 50 replies arrive at once, then all are stored, counted once each, and the service stays healthy', async () => {
  const thread = await startThread(customer, 'Fifty replies at once');
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, n) =>
      (n % 2 ? customer : employee).client.request(REPLY, {
        input: { threadId: thread.id, body: `Reply number ${n}` },
      }),
    ),
  );
  expect(answers.filter((answer) => answer.errors)).toEqual([]);
  const { thread: after } = await customer.client.ok(THREAD, { id: thread.id });
  expect(after.replyCount).toBe(50);
  expect(after.posts.edges.map((edge: { node: { body: string } }) => edge.node.body).sort()).toEqual(
    answers.map((answer) => answer.data!.reply.body).sort(),
  );
  await expectHealthy();
});

it('when 100 clients read and write together (one request in ten a write), then every answer is a success and every write is stored', async () => {
  const thread = await startThread(employee, 'A busy thread');
  const clients = 100;
  const requestsEach = 10;
  const written: string[] = [];
  const failures: unknown[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; n < requestsEach; n += 1) {
        const person = client % 2 ? customer : employee;
        if ((client * requestsEach + n) % 10 === 0) {
          const body = `Load reply ${client}-${n}`;
          const answer = await person.client.request(REPLY, { input: { threadId: thread.id, body } });
          if (answer.errors) failures.push(answer.errors);
          else written.push(body);
        } else {
          const answer = await person.client.request(THREAD, { id: thread.id });
          if (answer.errors) failures.push(answer.errors);
        }
      }
    }),
  );
  expect(failures).toEqual([]);
  expect(written).toHaveLength((clients * requestsEach) / 10);
  const stored = await queryDatabase<{ body: string }>(
    community.stack.database.url,
    `SELECT body FROM threads.posts WHERE body LIKE 'Load reply %'`,
  );
  expect(stored.map((row) => row.body).sort()).toEqual([...written].sort());
  await expectHealthy();
});

it('when work in hand hangs on the database at SIGTERM, then the service still exits within SHUTDOWN_TIMEOUT_MS', async () => {
  const thread = await startThread(customer, 'Hanging on a lock');
  const stack = community.stack;
  await Promise.all(stack.find('threads').map((process) => process.stop()));
  // Only the shutdown deadline can end this replica: its statements would wait two minutes.
  const replica = await stack.startProcess('threads', {
    SHUTDOWN_TIMEOUT_MS: '2000',
    DATABASE_STATEMENT_TIMEOUT_MS: '120000',
  });
  const locker = new Client({ connectionString: stack.database.url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    // The reply is stored; delivering its notification (a durable handler) waits for the lock.
    await locker.query('LOCK TABLE threads.notifications IN ACCESS EXCLUSIVE MODE');
    await employee.client.ok(REPLY, {
      input: { threadId: thread.id, body: 'Your notification is stuck behind a lock' },
    });
    await waitFor(
      async () =>
        (
          await queryDatabase(
            stack.database.url,
            `SELECT 1 FROM pg_stat_activity WHERE application_name = 'kern-threads' AND wait_event_type = 'Lock'`,
          )
        ).length > 0,
      { what: 'the notification handler to wait for the lock' },
    );
    // Exited by its own deadline, not by the test's SIGKILL after 15 s.
    expect(await replica.stop()).toEqual({ code: 1, signal: null });
  } finally {
    await locker.query('ROLLBACK');
    await locker.end();
    await stack.startProcess('threads');
  }
});
