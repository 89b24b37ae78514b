import { queryDatabase, waitFor } from '@kern/testing';
import { Community, type Person } from '../spaces/community';
import { REPLY } from '../threads/forum';

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const DECLARE = `mutation($topic: String!, $level: SkillLevel!) { declareSkill(topic: $topic, level: $level) { level } }`;
const PROFILE = `mutation { updateProfile(input: { openToQuestions: true }) { openToQuestions } }`;
const INBOX = `{ notifications(first: 50) { edges { node { kind thread { title } } } } }`;

let community: Community;
let asker: Person;
let experts: Person[];
let closed: Person;
let external: { id: string };

beforeAll(async () => {
  community = await Community.start({
    ROUTING_DELAY_SECONDS: '2',
    ROUTING_POLL_SECONDS: '1',
    ROUTING_MAX_PER_EXPERT_PER_DAY: '2',
    ROUTING_EXPERTS_PER_QUESTION: '3',
  });
  await community.topic('tax');
  const manager = await community.employee('olga', { manager: true });
  asker = await community.customer('cora');
  experts = await Promise.all(['edd', 'eve', 'eli', 'emma'].map((handle) => community.employee(handle)));
  closed = await community.employee('carl');
  const levels = ['EXPERT', 'EXPERT', 'PRACTITIONER', 'LEARNING'];
  for (const [index, expert] of experts.entries()) {
    await expert.client.ok(DECLARE, { topic: 'tax', level: levels[index] });
    await expert.client.ok(PROFILE);
  }
  // Carl knows most but is not open to questions.
  await closed.client.ok(DECLARE, { topic: 'tax', level: 'EXPERT' });
  external = await community.space(manager, {
    slug: 'tax-help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['tax'],
  });
});
afterAll(() => community?.stop());

const ask = async (title: string) =>
  (await asker.client.ok(START, { input: { spaceId: external.id, kind: 'QUESTION', title, body: 'Anyone?' } }))
    .startThread;
const routedTo = async (person: Person, title: string) =>
  (await person.client.ok(INBOX)).notifications.edges.some(
    (edge: { node: { kind: string; thread: { title: string } | null } }) =>
      edge.node.kind === 'QUESTION_ROUTED' && edge.node.thread?.title === title,
  );
const whoWasAsked = async (title: string) =>
  (
    await Promise.all(
      [...experts, closed].map(async (person) => ((await routedTo(person, title)) ? person.handle : null)),
    )
  ).filter(Boolean);
const jobState = async (title: string) => {
  const [thread] = await queryDatabase<{ id: string }>(
    community.stack.database.url,
    `SELECT id FROM threads.threads WHERE title = $1`,
    [title],
  );
  const rows = await queryDatabase<{ state: string }>(
    community.stack.database.url,
    `SELECT state FROM expertise.routing_jobs WHERE thread_id = $1`,
    [thread.id],
  );
  return rows[0]?.state;
};
/** Whether the question's delay is over (the router looks only at questions past it). */
const isDue = async (title: string) =>
  (
    await queryDatabase<{ due: boolean }>(
      community.stack.database.url,
      `SELECT j.due_at <= now() AS due FROM expertise.routing_jobs j JOIN threads.threads t ON t.id = j.thread_id WHERE t.title = $1`,
      [title],
    )
  )[0]?.due === true;

it('brings an unanswered question to the best three experts open to questions, never the asker', async () => {
  await ask('VAT on imports');
  await waitFor(async () => (await whoWasAsked('VAT on imports')).length === 3, { what: 'three experts to be asked' });
  expect((await whoWasAsked('VAT on imports')).sort()).toEqual(['edd', 'eli', 'eve']);
  expect(await routedTo(asker, 'VAT on imports')).toBe(false);
});

it('stops when someone replies before the delay', async () => {
  const thread = await ask('Quick one');
  await experts[3].client.ok(REPLY, { input: { threadId: thread.id, body: 'Easy: yes.' } });
  await waitFor(async () => (await jobState('Quick one')) === 'ANSWERED', { what: 'the routing to be cancelled' });
  // The router takes only PENDING questions: once the delay is over, a cancelled one stays unasked.
  await waitFor(() => isDue('Quick one'), { what: 'the delay to pass' });
  expect(await jobState('Quick one')).toBe('ANSWERED');
  expect(await whoWasAsked('Quick one')).toEqual([]);
});

it('asks nobody more than the daily cap allows', async () => {
  await ask('Second question');
  await waitFor(async () => (await jobState('Second question')) === 'ROUTED', { what: 'the second routing' });
  await ask('Third question');
  await waitFor(async () => ['ROUTED', 'NO_EXPERT'].includes((await jobState('Third question')) ?? ''), {
    what: 'the third routing',
  });
  // edd, eve and eli were asked twice already; emma (the only one left who is open) gets it.
  expect(await whoWasAsked('Third question')).toEqual(['emma']);
});

it('survives a restart of the expertise service during the delay', async () => {
  await ask('Asked before a restart');
  await waitFor(async () => (await jobState('Asked before a restart')) === 'PENDING', {
    what: 'the question to be scheduled',
  });
  await Promise.all(community.stack.find('expertise').map((process) => process.stop()));
  await waitFor(() => isDue('Asked before a restart'), { what: 'the delay to pass while the service is down' });
  await community.stack.startProcess('expertise');
  await waitFor(async () => ['ROUTED', 'NO_EXPERT'].includes((await jobState('Asked before a restart')) ?? ''), {
    what: 'the routing after the restart',
  });
  expect(await jobState('Asked before a restart')).toBe('ROUTED');
  await waitFor(async () => (await whoWasAsked('Asked before a restart')).length > 0, { what: 'the notification' });
});
