import { expertiseEvents, spaces, type UserPrincipal } from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { ExpertiseConfigModule } from '../config/expertise-config.module';
import { loadExpertiseConfig } from '../config/expertise.config';
import { migrations } from '../database/migrations';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { ExpertsModule } from '../experts/experts.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { Community, slug } from '../test/community';
import { TopicsModule } from '../topics/topics.module';
import { TopicsRepository } from '../topics/topics.repository';
import { RouteQuestionUseCase } from './route-question.use-case';
import { RoutingRepository, type RoutingJob } from './routing.repository';

const HOUR_MS = 3_600_000;

describe('routing questions on real PostgreSQL', () => {
  let medium: MediumService;
  let community: Community;
  let routing: RoutingRepository;
  /** Who the spaces service says may read the question's space. */
  const readers = new Set<string>();

  const question = (topicIds: string[] = [], authorId: string = randomUUID()): RoutingJob => ({
    threadId: randomUUID(),
    postId: randomUUID(),
    spaceId: randomUUID(),
    authorId,
    topicIds,
  });
  /** Asked an hour ago with no delay: due now. */
  const scheduleDue = (job: RoutingJob) => routing.schedule(job, new Date(Date.now() - HOUR_MS).toISOString(), 0);
  const claimed = async (job: RoutingJob) => (await routing.claimDue(100)).some((due) => due.threadId === job.threadId);
  /** Spaces answers who of these users may read; `meanwhile` runs first, as if it happened while spaces was asked. */
  const answerReaders = (meanwhile: () => Promise<void> = () => Promise.resolve()) =>
    medium.services.answer(spaces.readers, async ({ users }) => {
      await meanwhile();
      return { userIds: users.map((user) => user.userId).filter((id: string) => readers.has(id)) };
    });
  const routedEvents = async (job: RoutingJob) =>
    (await medium.outbox()).filter(
      (event) =>
        event.subject.endsWith(expertiseEvents.questionRouted.subject) &&
        (event.payload as { threadId: string }).threadId === job.threadId,
    );

  beforeAll(async () => {
    medium = await MediumService.start({
      schema: 'expertise',
      migrations,
      // The router's poller is left out: these tests claim and route themselves.
      imports: [
        ExpertiseConfigModule.forRoot(
          loadExpertiseConfig({ ROUTING_EXPERTS_PER_QUESTION: '2', ROUTING_MAX_PER_EXPERT_PER_DAY: '1' }),
        ),
        TopicsModule,
        ProfilesModule,
        ExpertsModule,
      ],
      providers: [RoutingRepository, RouteQuestionUseCase],
    });
    community = new Community(medium.services);
    answerReaders();
    routing = medium.get(RoutingRepository);
  });
  afterAll(() => medium?.stop());

  it('when a due question is claimed, then a second claim (another replica) does not get it', async () => {
    const job = question();
    await scheduleDue(job);
    await scheduleDue({ ...job, postId: randomUUID() });
    const first = await routing.claimDue(100);
    expect(first.filter((due) => due.threadId === job.threadId)).toEqual([job]);
    expect(await claimed(job)).toBe(false);
  });

  it('when a question is not due yet, or someone other than the asker replied, then nobody claims it', async () => {
    const waiting = question();
    await routing.schedule(waiting, new Date().toISOString(), 1800);
    expect(await claimed(waiting)).toBe(false);

    const answered = question();
    await scheduleDue(answered);
    await routing.answered(answered.threadId, answered.authorId);
    await routing.answered(answered.threadId, randomUUID());
    expect(await claimed(answered)).toBe(false);

    const selfReplied = question();
    await scheduleDue(selfReplied);
    await routing.answered(selfReplied.threadId, selfReplied.authorId);
    expect(await claimed(selfReplied)).toBe(true);
  });

  it('when a claimed question is answered before it is finished, then finish answers false and records no expert', async () => {
    const job = question();
    await scheduleDue(job);
    expect(await claimed(job)).toBe(true);
    await routing.answered(job.threadId, null);
    const expert = randomUUID();
    expect(await medium.database.transaction(() => routing.finish(job.threadId, 'ROUTED', [expert]))).toBe(false);
    // Nobody was asked, so the expert is still under a cap of one.
    expect(await routing.underCap([expert], 1)).toEqual(new Set([expert]));
  });

  it('when a question is routed, then the best willing readers under their daily cap get it, never the asker', async () => {
    const topic = await medium.get(TopicsRepository).insert({ slug: slug('tax'), name: 'Tax', parentId: null });
    const evidence = medium.get(EvidenceRepository);
    const expert = async (acceptedAnswers: number, options: { open?: boolean; reads?: boolean } = {}) => {
      const person = community.customer();
      await medium.get(ProfilesRepository).update(person.userId, { openToQuestions: options.open ?? true });
      if (options.reads ?? true) readers.add(person.userId);
      for (let i = 0; i < acceptedAnswers; i++)
        await evidence.record({
          userId: person.userId,
          kind: 'ACCEPTED_ANSWER',
          postId: randomUUID(),
          threadId: randomUUID(),
          spaceId: randomUUID(),
          // Kern's own choice sees internal notes and every space.
          visibility: 'INTERNAL',
          topicIds: [topic.id],
          occurredAt: new Date().toISOString(),
        });
      return person;
    };
    const asker = await expert(5);
    const best = await expert(4);
    const second = await expert(3);
    const third = await expert(2);
    await expert(6, { open: false });
    await expert(6, { reads: false });
    const route = async (job: RoutingJob) => {
      await scheduleDue(job);
      expect(await claimed(job)).toBe(true);
      await medium.get(RouteQuestionUseCase).execute(job);
      return (await routedEvents(job)).map((event) => (event.payload as { expertIds: string[] }).expertIds);
    };
    const ids = (...people: UserPrincipal[]) => people.map((person) => person.userId);

    const first = question([topic.id], asker.userId);
    expect(await route(first)).toEqual([ids(best, second)]);
    // The first two reached their cap of one a day.
    expect(await route(question([topic.id], asker.userId))).toEqual([ids(third)]);
    const nobodyLeft = question([topic.id], asker.userId);
    expect(await route(nobodyLeft)).toEqual([]);
    expect(await claimed(nobodyLeft)).toBe(false);
  });

  it('when a question is answered while its experts are chosen, then no event is recorded', async () => {
    const topic = await medium.get(TopicsRepository).insert({ slug: slug('vat'), name: 'VAT', parentId: null });
    const person = community.customer();
    readers.add(person.userId);
    await medium.get(ProfilesRepository).update(person.userId, { openToQuestions: true });
    await medium.get(EvidenceRepository).record({
      userId: person.userId,
      kind: 'REPLY',
      postId: randomUUID(),
      threadId: randomUUID(),
      spaceId: randomUUID(),
      visibility: 'EVERYONE',
      topicIds: [topic.id],
      occurredAt: new Date().toISOString(),
    });
    const job = question([topic.id]);
    await scheduleDue(job);
    expect(await claimed(job)).toBe(true);
    answerReaders(() => routing.answered(job.threadId, null));
    try {
      await medium.get(RouteQuestionUseCase).execute(job);
    } finally {
      answerReaders();
    }
    expect(await routedEvents(job)).toEqual([]);
    expect(await routing.underCap([person.userId], 1)).toEqual(new Set([person.userId]));
  });
});
