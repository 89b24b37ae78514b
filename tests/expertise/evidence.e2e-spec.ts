import { EVENT_STREAMS } from '@kern/contracts';
import { queryDatabase, waitFor } from '@kern/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Community, type Person } from '../spaces/community';
import { ACCEPT, HELPFUL, REPLY } from '../threads/forum';

const DECLARE = `mutation($topic: String!) { declareSkill(topic: $topic, level: PRACTITIONER) { evidenceScore } }`;
// Only the thread's id: its topics are resolved by the expertise service, which one test stops.
const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const MODERATE = `mutation($postId: ID!, $action: ModerationAction!) { moderatePost(input: { postId: $postId, action: $action }) { status } }`;

let community: Community;
let manager: Person;
let expert: Person;
let asker: Person;
let reader: Person;
let space: { id: string };

beforeAll(async () => {
  community = await Community.start();
  await community.topic('billing');
  await community.topic('invoices', 'billing');
  manager = await community.employee('olga', { manager: true });
  [expert, asker, reader] = await Promise.all([
    community.employee('emil'),
    community.customer('cora'),
    community.customer('rita'),
  ]);
  space = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
});
afterAll(() => community?.stop());

const evidenceOf = async (person: Person, topic: string): Promise<number> =>
  (await person.client.ok(DECLARE, { topic })).declareSkill.evidenceScore;
const question = async (title: string, topics?: string[]) =>
  (
    await asker.client.ok(START, {
      input: { spaceId: space.id, kind: 'QUESTION', title, body: 'How?', ...(topics ? { topics } : {}) },
    })
  ).startThread;
const answer = async (threadId: string, body: string, visibility = 'EVERYONE') =>
  (await expert.client.ok(REPLY, { input: { threadId, body, visibility } })).reply as { id: string };

it('is earned from replies, accepted answers and helpful marks, and catches up after the expertise service was down', async () => {
  await Promise.all(community.stack.find('expertise').map((process) => process.stop()));
  const thread = await question('Refund timing');
  const reply = await answer(thread.id, 'Refunds take five days');
  await asker.client.ok(ACCEPT, { postId: reply.id });
  await reader.client.ok(HELPFUL, { postId: reply.id });
  await answer(thread.id, 'note to self', 'INTERNAL');
  await community.stack.startProcess('expertise');

  // 1 + 10 + 3 for the answer, and 1 for the internal note, which its author (an employee) may see.
  await waitFor(async () => Math.abs((await evidenceOf(expert, 'billing')) - 15) < 0.01, {
    what: 'evidence of 15',
    timeoutMs: 30_000,
  });
});

it('counts activity on a sub-topic for its parent, and forgets withdrawn marks and hidden posts', async () => {
  const base = await evidenceOf(expert, 'billing');
  const thread = await question('Invoice numbers', ['invoices']);
  const reply = await answer(thread.id, 'They are sequential');
  await reader.client.ok(HELPFUL, { postId: reply.id });
  await waitFor(async () => Math.abs((await evidenceOf(expert, 'invoices')) - 4) < 0.01, {
    what: 'evidence on the sub-topic',
  });
  await waitFor(async () => Math.abs((await evidenceOf(expert, 'billing')) - (base + 4)) < 0.01, {
    what: 'the parent topic to count it',
  });

  await reader.client.ok(HELPFUL, { postId: reply.id, helpful: false });
  await waitFor(async () => Math.abs((await evidenceOf(expert, 'invoices')) - 1) < 0.01, {
    what: 'the withdrawn mark to stop counting',
  });
  await manager.client.ok(MODERATE, { postId: reply.id, action: 'HIDE' });
  await waitFor(async () => (await evidenceOf(expert, 'invoices')) === 0, { what: 'the hidden post to stop counting' });
});

it('moves with an accepted answer when the asker changes their mind', async () => {
  const thread = await question('Which card?');
  const first = await answer(thread.id, 'Visa');
  const second = (await reader.client.ok(REPLY, { input: { threadId: thread.id, body: 'Mastercard' } })).reply;
  await asker.client.ok(ACCEPT, { postId: first.id });
  const before = await evidenceOf(expert, 'billing');
  await asker.client.ok(ACCEPT, { postId: second.id });
  await waitFor(async () => Math.abs((await evidenceOf(reader, 'billing')) - 11) < 0.01, {
    what: 'rita to earn the accepted answer',
  });
  await waitFor(async () => Math.abs((await evidenceOf(expert, 'billing')) - (before - 10)) < 0.01, {
    what: 'emil to lose it',
  });
});

it('counts an event delivered twice once', async () => {
  const before = await evidenceOf(reader, 'billing');
  const connection = await connect({ servers: [community.stack.nats.url] });
  try {
    const jsm = await jetstreamManager(connection);
    const last = await jsm.streams.getMessage(EVENT_STREAMS.events.name, {
      last_by_subj: 'events.threads.answer.accepted',
    });
    // The same event again under another message id, as after a relay crash outside the de-duplication window.
    await jetstream(connection).publish('events.threads.answer.accepted', last!.data, { msgID: `again-${Date.now()}` });
    await waitFor(
      async () => {
        const consumer = await jsm.consumers.info(EVENT_STREAMS.events.name, 'expertise-evidence-accepted-answers');
        return consumer.num_pending === 0 && consumer.num_ack_pending === 0;
      },
      { what: 'the copy to be delivered and acknowledged' },
    );
    const [{ applied }] = await queryDatabase<{ applied: number }>(
      community.stack.database.url,
      `SELECT count(*)::int AS applied FROM expertise.inbox WHERE consumer = 'expertise-evidence-accepted-answers'`,
    );
    const [{ published }] = await queryDatabase<{ published: number }>(
      community.stack.database.url,
      `SELECT count(*)::int AS published FROM threads.outbox WHERE subject = 'events.threads.answer.accepted'`,
    );
    expect(applied).toBe(published);
  } finally {
    await connection.close();
  }
  expect(await evidenceOf(reader, 'billing')).toBeCloseTo(before, 5);
});

it('weighs old activity less: its weight halves every 180 days', async () => {
  const before = await evidenceOf(expert, 'billing');
  const thread = await question('Old question');
  const old = await answer(thread.id, 'An old answer');
  const id = Buffer.from(old.id, 'base64url').toString().split(':')[1];
  await waitFor(
    async () =>
      (await queryDatabase(community.stack.database.url, `SELECT 1 FROM expertise.evidence WHERE post_id = $1`, [id]))
        .length === 1,
    {
      what: 'the reply to count',
    },
  );
  const withReply = await evidenceOf(expert, 'billing');
  expect(withReply - before).toBeCloseTo(1, 2);
  await queryDatabase(
    community.stack.database.url,
    `UPDATE expertise.evidence SET occurred_at = now() - interval '180 days' WHERE post_id = $1`,
    [id],
  );
  expect((await evidenceOf(expert, 'billing')) - before).toBeCloseTo(0.5, 2);
});
