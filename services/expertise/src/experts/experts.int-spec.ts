import type { UserPrincipal } from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import type { EvidenceKind } from '../evidence/evidence-weights';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { SkillsRepository } from '../skills/skills.repository';
import { Community, slug } from '../test/community';
import { TopicsRepository } from '../topics/topics.repository';
import { ExpertsModule } from './experts.module';
import { FindExpertsByQuestionUseCase } from './find-experts-by-question.use-case';
import { FindExpertsByTopicUseCase } from './find-experts-by-topic.use-case';

describe('finding experts on real PostgreSQL', () => {
  let medium: MediumService;
  let community: Community;
  const [readable, internal] = [randomUUID(), randomUUID()];

  const earn = (
    person: UserPrincipal,
    kind: EvidenceKind,
    topicId: string,
    options: { spaceId?: string; visibility?: 'EVERYONE' | 'INTERNAL'; excerpt?: string } = {},
  ) =>
    medium.get(EvidenceRepository).record({
      userId: person.userId,
      kind,
      postId: randomUUID(),
      threadId: randomUUID(),
      spaceId: options.spaceId ?? readable,
      visibility: options.visibility ?? 'EVERYONE',
      topicIds: [topicId],
      occurredAt: new Date().toISOString(),
      excerpt: options.excerpt,
    });
  const profile = (person: UserPrincipal, changes: { ambassador?: boolean; openToQuestions?: boolean }) =>
    medium.get(ProfilesRepository).update(person.userId, changes);
  const topic = (name: string, parentId: string | null = null) =>
    medium.get(TopicsRepository).insert({ slug: slug(name.toLowerCase()), name, parentId });

  beforeAll(async () => {
    medium = await MediumService.start({ schema: 'expertise', migrations, imports: [ExpertsModule] });
    community = new Community(medium.services);
  });
  afterAll(() => medium?.stop());

  it('when a customer asks who knows a topic, then evidence, endorsements and levels rank the people they may see', async () => {
    const parent = await topic('Payments');
    const child = await topic('Refunds', parent.id);
    const skills = medium.get(SkillsRepository);

    // A customer with an accepted answer on the sub-topic, and an internal one only employees see.
    const answerer = community.customer();
    await earn(answerer, 'ACCEPTED_ANSWER', child.id);
    await earn(answerer, 'ACCEPTED_ANSWER', child.id, { visibility: 'INTERNAL' });
    // An ambassador open to questions: declared EXPERT (3) and endorsed twice (2 x 2), times 1.25.
    const ambassador = community.employee();
    await profile(ambassador, { ambassador: true, openToQuestions: true });
    await skills.declare(ambassador.userId, parent.id, 'EXPERT');
    await skills.endorse(ambassador.userId, parent.id, randomUUID());
    await skills.endorse(ambassador.userId, child.id, randomUUID());
    // An employee customers do not see, a suspended customer, and a learner with a reply in a space customers cannot read.
    const employee = community.employee();
    await earn(employee, 'ACCEPTED_ANSWER', parent.id);
    const suspended = community.customer();
    await earn(suspended, 'HELPFUL', parent.id);
    community.suspend(suspended);
    const learner = community.customer();
    await skills.declare(learner.userId, child.id, 'LEARNING');
    await earn(learner, 'REPLY', child.id, { spaceId: internal });

    const find = (viewer: UserPrincipal, first = 10) =>
      medium.get(FindExpertsByTopicUseCase).execute({ topic: parent.slug, first }, viewer);
    const expert = (person: UserPrincipal, score: number, acceptedAnswers: number) => ({
      userId: person.userId,
      score: expect.closeTo(score, 3),
      topicIds: [parent.id],
      acceptedAnswers,
    });

    const customer = community.customer({ reads: [readable] });
    expect(await find(customer)).toEqual([expert(answerer, 10, 1), expert(ambassador, 8.75, 0), expert(learner, 1, 0)]);
    expect(await find(customer, 2)).toEqual([expert(answerer, 10, 1), expert(ambassador, 8.75, 0)]);
    expect(await find(community.employee({ reads: [readable, internal] }))).toEqual([
      expert(answerer, 20, 2),
      expert(employee, 10, 1),
      expert(ambassador, 8.75, 0),
      expert(learner, 2, 0),
    ]);
    await expect(
      medium.get(FindExpertsByTopicUseCase).execute({ topic: slug('nothing'), first: 5 }, customer),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'topic' }] } });
  });

  it("when a question names a topic's synonym, then its experts are found, and people whose answers share its words score up to 5 more", async () => {
    const invoicing = await topic('Invoicing');
    await medium.get(TopicsRepository).addSynonym(invoicing.id, 'factuur');
    const accepted = community.customer();
    await earn(accepted, 'ACCEPTED_ANSWER', invoicing.id);
    const replier = community.customer();
    await earn(replier, 'REPLY', invoicing.id, { excerpt: 'De factuur vind je onder het tabblad betalingen' });
    const noteTaker = community.employee();
    await profile(noteTaker, { ambassador: true });
    await earn(noteTaker, 'REPLY', invoicing.id, {
      visibility: 'INTERNAL',
      excerpt: 'Intern: de factuur komt uit het oude systeem',
    });

    const ask = (viewer: UserPrincipal) =>
      medium.get(FindExpertsByQuestionUseCase).execute({ question: 'Waar vind ik mijn factuur?', first: 10 }, viewer);
    const expert = (person: UserPrincipal, score: number, acceptedAnswers: number) => ({
      userId: person.userId,
      score: expect.closeTo(score, 3),
      topicIds: [invoicing.id],
      acceptedAnswers,
    });

    expect(await ask(community.customer({ reads: [readable] }))).toEqual([
      expert(accepted, 10, 1),
      expert(replier, 1 + 5, 0),
    ]);
    const forEmployee = await ask(community.employee({ reads: [readable] }));
    expect(forEmployee.map((found) => found.userId)).toContain(noteTaker.userId);
  });
});
