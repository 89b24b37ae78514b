import { ANONYMOUS, type UserPrincipal } from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { Community, slug } from '../test/community';
import { TopicsRepository } from '../topics/topics.repository';
import { CountAmbassadorsUseCase } from './count-ambassadors.use-case';
import { EndorseSkillUseCase } from './endorse-skill.use-case';
import { GetProfileUseCase } from './get-profile.use-case';
import { ProfilesModule } from './profiles.module';
import { UpdateProfileUseCase } from './update-profile.use-case';
import { WithdrawEndorsementUseCase } from './withdraw-endorsement.use-case';

describe('profiles and the customer boundary on real PostgreSQL', () => {
  let medium: MediumService;
  let community: Community;
  let topic: { id: string; slug: string };
  const publicSpace = randomUUID();
  const internalSpace = randomUUID();

  const profile = (userId: string, viewer: Parameters<GetProfileUseCase['execute']>[1]) =>
    medium.get(GetProfileUseCase).execute(userId, viewer);
  const ambassador = async (options = {}) => {
    const employee = community.employee({ reads: [publicSpace, internalSpace], ...options });
    await medium.get(UpdateProfileUseCase).execute({ ambassador: true }, employee);
    return employee;
  };

  beforeAll(async () => {
    medium = await MediumService.start({ schema: 'expertise', migrations, imports: [ProfilesModule] });
    community = new Community(medium.services);
    topic = await medium.get(TopicsRepository).insert({ slug: slug('billing'), name: 'Billing', parentId: null });
  });
  afterAll(() => medium?.stop());

  it('when a customer or an anonymous reader opens an employee who is no ambassador, then NOT_FOUND', async () => {
    const employee = community.employee();
    const customer = community.customer({ reads: [publicSpace] });
    await expect(profile(employee.userId, customer)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(profile(employee.userId, ANONYMOUS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await profile(employee.userId, community.employee())).toMatchObject({ userId: employee.userId });
    expect(await profile(employee.userId, employee)).toMatchObject({ userId: employee.userId, ambassador: false });
  });

  it('when a customer opens an ambassador or another customer, then they are shown; someone identity does not know is NOT_FOUND', async () => {
    const customer = community.customer();
    const visible = await ambassador();
    const other = community.customer();
    expect(await profile(visible.userId, customer)).toMatchObject({ userId: visible.userId, ambassador: true });
    expect(await profile(other.userId, customer)).toMatchObject({ userId: other.userId, ambassador: false });
    expect(await profile(other.userId, ANONYMOUS)).toMatchObject({ userId: other.userId });
    await expect(profile(randomUUID(), community.employee())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('when a customer asks to be an ambassador, then BAD_USER_INPUT on ambassador', async () => {
    await expect(
      medium.get(UpdateProfileUseCase).execute({ ambassador: true }, community.customer()),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'ambassador' }] } });
  });

  it('when an ambassador stops being an employee, then their flag counts no more, for customers and in the count', async () => {
    const manager = community.employee({ roles: ['COMMUNITY_MANAGER'] });
    const count = () => medium.get(CountAmbassadorsUseCase).execute(manager);
    const before = await count();
    const leaving = await ambassador();
    const suspended = await ambassador();
    expect(await count()).toBe(before + 2);
    community.suspend(suspended);
    expect(await count()).toBe(before + 1);
    community.becomes(leaving, 'CUSTOMER');
    expect(await count()).toBe(before);
    expect(await profile(leaving.userId, community.employee())).toMatchObject({ ambassador: false });
    await expect(medium.get(CountAmbassadorsUseCase).execute(community.employee())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('when a profile is read, then its skills count internal notes for employees only, and only spaces the viewer reads', async () => {
    const expert = await ambassador();
    const evidence = medium.get(EvidenceRepository);
    const record = (spaceId: string, visibility: 'EVERYONE' | 'INTERNAL') =>
      evidence.record({
        userId: expert.userId,
        kind: 'ACCEPTED_ANSWER',
        postId: randomUUID(),
        threadId: randomUUID(),
        spaceId,
        visibility,
        topicIds: [topic.id],
        occurredAt: new Date().toISOString(),
      });
    await record(publicSpace, 'EVERYONE');
    await record(publicSpace, 'INTERNAL');
    await record(internalSpace, 'EVERYONE');

    const scoreFor = async (viewer: UserPrincipal) =>
      (await profile(expert.userId, viewer)).skills.find((skill) => skill.topicId === topic.id)?.evidenceScore ?? 0;
    expect(await scoreFor(community.customer({ reads: [publicSpace] }))).toBeCloseTo(10, 3);
    expect(await scoreFor(community.employee({ reads: [publicSpace] }))).toBeCloseTo(20, 3);
    expect(await scoreFor(community.employee({ reads: [publicSpace, internalSpace] }))).toBeCloseTo(30, 3);
  });

  it('when a customer endorses an employee they cannot see, then NOT_FOUND; endorsing twice counts once; themself is BAD_USER_INPUT', async () => {
    const customer = community.customer();
    const hidden = community.employee();
    const visible = await ambassador();
    const endorse = medium.get(EndorseSkillUseCase);
    const input = (userId: string) => ({ userId, topic: topic.slug });

    await expect(endorse.execute(input(hidden.userId), customer)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(endorse.execute(input(customer.userId), customer)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: [{ field: 'userId' }] },
    });
    await expect(endorse.execute({ userId: visible.userId, topic: slug('none') }, customer)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: [{ field: 'topic' }] },
    });

    await endorse.execute(input(visible.userId), customer);
    expect(await endorse.execute(input(visible.userId), customer)).toMatchObject({ endorsementCount: 1 });
    expect(await endorse.execute(input(visible.userId), community.employee())).toMatchObject({ endorsementCount: 2 });
    expect(await medium.get(WithdrawEndorsementUseCase).execute(input(visible.userId), customer)).toEqual({
      userId: visible.userId,
      topicId: topic.id,
      level: 'LEARNING',
      endorsementCount: 1,
      evidenceScore: 0,
    });
  });
});
