import { waitFor } from '@kern/testing';
import { Community, type Person } from '../spaces/community';
import { REPLY } from '../threads/forum';

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const DECLARE = `mutation($topic: String!, $level: SkillLevel!) { declareSkill(topic: $topic, level: $level) { level } }`;
const ANSWERABLE = `query($first: Int, $after: String) { answerableQuestions(first: $first, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`;
const NO_EXPERT = `{ topicsWithoutExperts { openQuestions topic { slug } } }`;

let community: Community;
let manager: Person;
let expert: Person;
let asker: Person;
let external: { id: string };
let internal: { id: string };

beforeAll(async () => {
  community = await Community.start();
  for (const slug of ['tax', 'payroll', 'pensions']) await community.topic(slug);
  await community.topic('vat', 'tax');
  manager = await community.employee('olga', { manager: true });
  [expert, asker] = await Promise.all([community.employee('ann'), community.customer('cora')]);
  external = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['tax'],
  });
  internal = await community.space(manager, {
    slug: 'inside',
    audience: 'INTERNAL',
    joinPolicy: 'INVITE',
    topics: ['tax'],
  });
  await expert.client.ok(DECLARE, { topic: 'tax', level: 'EXPERT' });
  await expert.client.ok(DECLARE, { topic: 'payroll', level: 'LEARNING' });
});
afterAll(() => community?.stop());

const ask = async (person: Person, title: string, topics: string[], spaceId = external.id) =>
  (await person.client.ok(START, { input: { spaceId, kind: 'QUESTION', title, body: '?', topics } })).startThread;
const titles = (connection: { edges: Array<{ node: { title: string } }> }) =>
  connection.edges.map((edge) => edge.node.title);

it('lists open questions the viewer may read on their topics, best match first, answered ones left out', async () => {
  await ask(asker, 'Payroll question', ['payroll']);
  await ask(asker, 'VAT question', ['vat']);
  const answered = await ask(asker, 'Answered tax question', ['tax']);
  await community.admin.client.ok(REPLY, { input: { threadId: answered.id, body: 'Done.' } });
  await ask(asker, 'Pension question', ['pensions']);
  await ask(manager, 'Secret tax question', ['tax'], internal.id);

  const { answerableQuestions } = await expert.client.ok(ANSWERABLE, { first: 10 });
  // Tax (EXPERT) spreads to its sub-topic VAT; payroll is only LEARNING; pensions are not hers; the internal space is not hers to read.
  expect(titles(answerableQuestions)).toEqual(['VAT question', 'Payroll question']);
  const page1 = (await expert.client.ok(ANSWERABLE, { first: 1 })).answerableQuestions;
  const page2 = (await expert.client.ok(ANSWERABLE, { first: 1, after: page1.pageInfo.endCursor })).answerableQuestions;
  expect([...titles(page1), ...titles(page2)]).toEqual(['VAT question', 'Payroll question']);
  expect(page2.pageInfo.hasNextPage).toBe(false);
  expect(await community.anonymous.errorCode(ANSWERABLE, {})).toBe('UNAUTHENTICATED');
});

it('counts earned skills too', async () => {
  const fresh = await community.employee('nina');
  expect(titles((await fresh.client.ok(ANSWERABLE, {})).answerableQuestions)).toEqual([]);
  const question = await ask(asker, 'Another pension question', ['pensions']);
  await fresh.client.ok(REPLY, { input: { threadId: question.id, body: 'Pensions are paid monthly.' } });
  await waitFor(
    async () => titles((await fresh.client.ok(ANSWERABLE, {})).answerableQuestions).includes('Pension question'),
    { what: 'earned pensions skill' },
  );
});

it('shows community managers the topics with questions and no expert', async () => {
  await community.topic('customs');
  await ask(asker, 'Customs question', ['customs']);
  await ask(asker, 'Another customs question', ['customs']);
  const demand = (await manager.client.ok(NO_EXPERT)).topicsWithoutExperts;
  expect(demand).toContainEqual({ openQuestions: 2, topic: { slug: 'customs' } });
  expect(demand.map((entry: { topic: { slug: string } }) => entry.topic.slug)).not.toContain('tax');
  expect(demand.map((entry: { topic: { slug: string } }) => entry.topic.slug)).not.toContain('pensions');
  expect(await expert.client.errorCode(NO_EXPERT)).toBe('FORBIDDEN');
});
