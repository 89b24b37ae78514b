import { waitFor } from '@kern/testing';
import { Community, type Person } from '../spaces/community';
import { ACCEPT, REPLY } from '../threads/forum';

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const EXPERTS = `query($topic: String!) { experts(topic: $topic) { score acceptedAnswers user { handle } topics { slug } } }`;
const DECLARE = `mutation($topic: String!, $level: SkillLevel!) { declareSkill(topic: $topic, level: $level) { level } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { headline ambassador openToQuestions } }`;
const USER_PROFILE = `query($handle: String!) { user(handle: $handle) { profile { headline ambassador skills { topic { slug } level endorsementCount evidenceScore } } } }`;
const ENDORSE = `mutation($userId: ID!, $topic: String!) { endorse(userId: $userId, topic: $topic) { endorsementCount } }`;
const WITHDRAW = `mutation($userId: ID!, $topic: String!) { withdrawEndorsement(userId: $userId, topic: $topic) { endorsementCount } }`;
const TOPIC = `{ topics { slug experts(first: 3) { user { handle } } spaces { slug } } }`;

let community: Community;
let manager: Person;
let answerer: Person;
let declarer: Person;
let customer: Person;
let asker: Person;
let external: { id: string };
let internal: { id: string };

type Expert = { score: number; acceptedAnswers: number; user: { handle: string } };
const handles = (experts: Expert[]) => experts.map((expert) => expert.user.handle);

beforeAll(async () => {
  community = await Community.start();
  await community.topic('tax');
  await community.topic('vat', 'tax');
  manager = await community.employee('olga', { manager: true });
  [answerer, declarer, customer, asker] = await Promise.all([
    community.employee('ann'),
    community.employee('dan'),
    community.customer('cora'),
    community.customer('alex'),
  ]);
  external = await community.space(manager, {
    slug: 'tax-help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['tax'],
  });
  internal = await community.space(manager, {
    slug: 'tax-team',
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
    topics: ['tax'],
  });

  // Ann earns an accepted answer on a sub-topic in public, and replies inside; Dan only declares.
  const question = (
    await asker.client.ok(START, {
      input: { spaceId: external.id, kind: 'QUESTION', title: 'VAT on services', body: '?', topics: ['vat'] },
    })
  ).startThread;
  const reply = (await answerer.client.ok(REPLY, { input: { threadId: question.id, body: 'Reverse charge applies' } }))
    .reply;
  await asker.client.ok(ACCEPT, { postId: reply.id });
  const inside = (
    await answerer.client.ok(START, {
      input: { spaceId: internal.id, kind: 'DISCUSSION', title: 'Tax internals', body: '...' },
    })
  ).startThread;
  for (let n = 0; n < 5; n += 1)
    await declarer.client.ok(REPLY, { input: { threadId: inside.id, body: `internal ${n}` } });
  await declarer.client.ok(DECLARE, { topic: 'tax', level: 'EXPERT' });
  await waitFor(
    async () =>
      (await manager.client.ok(EXPERTS, { topic: 'tax' })).experts.some(
        (expert: Expert) => expert.acceptedAnswers === 1,
      ),
    { what: 'the evidence to arrive' },
  );
});
afterAll(() => community?.stop());

it('rank an accepted answer above a declared EXPERT without evidence (sub-topics count for the parent)', async () => {
  const { experts } = await manager.client.ok(EXPERTS, { topic: 'tax' });
  expect(handles(experts).slice(0, 2)).toEqual(['ann', 'dan']);
  expect(experts[0]).toMatchObject({ acceptedAnswers: 1, topics: [{ slug: 'tax' }] });
  expect(experts[0].score).toBeGreaterThan(experts[1].score);
});

it('never show a customer a non-ambassador employee, nor evidence from internal activity', async () => {
  expect(handles((await customer.client.ok(EXPERTS, { topic: 'tax' })).experts)).toEqual([]);
  expect((await customer.client.ok(USER_PROFILE, { handle: 'ann' })).user.profile).toBeNull();
  expect((await community.anonymous.ok(USER_PROFILE, { handle: 'ann' })).user.profile).toBeNull();

  await answerer.client.ok(PROFILE, { input: { ambassador: true, headline: 'VAT specialist' } });
  await declarer.client.ok(PROFILE, { input: { ambassador: true } });
  const seen = (await customer.client.ok(EXPERTS, { topic: 'tax' })).experts;
  expect(handles(seen)).toEqual(['ann', 'dan']);
  // Dan's five internal replies count for employees only.
  const danForEmployees = (await manager.client.ok(EXPERTS, { topic: 'tax' })).experts.find(
    (expert: Expert) => expert.user.handle === 'dan',
  );
  expect(seen[1].score).toBeCloseTo(3, 5);
  expect(danForEmployees.score).toBeCloseTo(8, 1);
  const profile = (await customer.client.ok(USER_PROFILE, { handle: 'ann' })).user.profile;
  expect(profile).toMatchObject({ headline: 'VAT specialist', ambassador: true });
  expect(profile.skills.find((skill: { topic: { slug: string } }) => skill.topic.slug === 'tax')).toMatchObject({
    level: 'PRACTITIONER',
  });
});

it('only employees can be ambassadors; customers show their own profiles to everyone', async () => {
  expect(await customer.client.errorCode(PROFILE, { input: { ambassador: true } })).toBe('BAD_USER_INPUT');
  await customer.client.ok(PROFILE, { input: { headline: 'Accountant', openToQuestions: true } });
  expect((await community.anonymous.ok(USER_PROFILE, { handle: 'cora' })).user.profile.headline).toBe('Accountant');
});

it('endorsements: once per endorser, withdrawable, never yourself, only of people you can see', async () => {
  const dan = (await manager.client.ok(`{ user(handle: "dan") { id } }`)).user.id;
  expect((await customer.client.ok(ENDORSE, { userId: dan, topic: 'vat' })).endorse.endorsementCount).toBe(1);
  expect((await customer.client.ok(ENDORSE, { userId: dan, topic: 'vat' })).endorse.endorsementCount).toBe(1);
  expect((await asker.client.ok(ENDORSE, { userId: dan, topic: 'vat' })).endorse.endorsementCount).toBe(2);
  expect((await asker.client.ok(WITHDRAW, { userId: dan, topic: 'vat' })).withdrawEndorsement.endorsementCount).toBe(1);
  expect(await declarer.client.errorCode(ENDORSE, { userId: dan, topic: 'vat' })).toBe('BAD_USER_INPUT');
  expect(await customer.client.errorCode(ENDORSE, { userId: manager.id, topic: 'vat' })).toBe('NOT_FOUND');
  expect(await customer.client.errorCode(ENDORSE, { userId: dan, topic: 'astrology' })).toBe('BAD_USER_INPUT');
});

it('leave out suspended accounts', async () => {
  await community.admin.client.ok(`mutation($id: ID!) { suspendUser(userId: $id, reason: "test") { suspended } }`, {
    id: answerer.id,
  });
  expect(handles((await manager.client.ok(EXPERTS, { topic: 'tax' })).experts)).not.toContain('ann');
  await community.admin.client.ok(`mutation($id: ID!) { unsuspendUser(userId: $id) { suspended } }`, {
    id: answerer.id,
  });
});

it('topics list their experts and spaces for the viewer', async () => {
  const tax = (await customer.client.ok(TOPIC)).topics.find((topic: { slug: string }) => topic.slug === 'tax');
  expect(tax.spaces.map((space: { slug: string }) => space.slug)).toEqual(['tax-help']);
  expect(tax.experts.map((expert: { user: { handle: string } }) => expert.user.handle)).toContain('ann');
});

describe('questions in free text', () => {
  const ASK = `query($question: String!) { experts(question: $question) { user { handle } topics { slug } } }`;
  const SYNONYM = `mutation($topic: String!, $synonym: String!) { addTopicSynonym(topic: $topic, synonym: $synonym) }`;

  it('match topic names and the synonyms admins add, in English and Dutch', async () => {
    expect(await customer.client.errorCode(SYNONYM, { topic: 'vat', synonym: 'btw' })).toBe('FORBIDDEN');
    expect((await manager.client.ok(SYNONYM, { topic: 'vat', synonym: 'btw' })).addTopicSynonym).toEqual(['btw']);
    await manager.client.ok(SYNONYM, { topic: 'vat', synonym: 'value added taxes' });

    const dutch = (await customer.client.ok(ASK, { question: 'Wie weet iets van btw op diensten?' })).experts;
    expect(dutch[0]).toMatchObject({ user: { handle: 'ann' }, topics: [{ slug: 'vat' }] });
    // English stemming: "taxed" and "added" meet "taxes" and "added".
    const english = (await customer.client.ok(ASK, { question: 'Who knows how services are taxed with value added?' }))
      .experts;
    expect(english.map((expert: { user: { handle: string } }) => expert.user.handle)).toContain('ann');

    await community.topic('loans');
    await manager.client.ok(SYNONYM, { topic: 'loans', synonym: 'lening' });
    expect(
      (await manager.client.ok(`{ topics { slug synonyms } }`)).topics.find(
        (topic: { slug: string }) => topic.slug === 'loans',
      ).synonyms,
    ).toEqual(['lening']);
    await declarer.client.ok(DECLARE, { topic: 'loans', level: 'EXPERT' });
    const loans = (await manager.client.ok(ASK, { question: 'Wie kent leningen voor studenten?' })).experts;
    expect(loans[0]).toMatchObject({ user: { handle: 'dan' }, topics: [{ slug: 'loans' }] });
  });

  it("match the words of experts' recent answers the viewer may see", async () => {
    const found = (await customer.client.ok(ASK, { question: 'Does a reverse charge apply to me?' })).experts;
    expect(found.map((expert: { user: { handle: string } }) => expert.user.handle)).toContain('ann');
    // Dan's internal replies ("internal 0".."internal 4") match only for employees.
    expect((await customer.client.ok(ASK, { question: 'internal' })).experts).toEqual([]);
    expect(
      (await manager.client.ok(ASK, { question: 'internal' })).experts.map(
        (expert: { user: { handle: string } }) => expert.user.handle,
      ),
    ).toEqual(['dan']);
    expect(await customer.client.errorCode(ASK, { question: '?' })).toBe('BAD_USER_INPUT');
  });
});
