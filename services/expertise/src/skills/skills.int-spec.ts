import { ANONYMOUS } from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { Community, slug } from '../test/community';
import { TopicsRepository } from '../topics/topics.repository';
import { DeclareSkillUseCase } from './declare-skill.use-case';
import { FindTopicsWithoutExpertsUseCase } from './find-topics-without-experts.use-case';
import { GetTopicAffinityUseCase } from './get-topic-affinity.use-case';
import { RemoveSkillUseCase } from './remove-skill.use-case';
import { SkillsModule } from './skills.module';

describe('skills on real PostgreSQL', () => {
  let medium: MediumService;
  let community: Community;
  let topics: TopicsRepository;
  const space = randomUUID();

  const topicTree = async () => {
    const parent = await topics.insert({ slug: slug('cloud'), name: 'Cloud', parentId: null });
    const child = await topics.insert({ slug: slug('aws'), name: 'AWS', parentId: parent.id });
    return { parent, child };
  };

  beforeAll(async () => {
    medium = await MediumService.start({ schema: 'expertise', migrations, imports: [SkillsModule] });
    community = new Community(medium.services);
    topics = medium.get(TopicsRepository);
  });
  afterAll(() => medium?.stop());

  it('when a member declares a skill twice, then the last level holds; removing it answers whether there was one', async () => {
    const member = community.customer({ reads: [space] });
    const { parent } = await topicTree();
    const declare = medium.get(DeclareSkillUseCase);
    await declare.execute({ topic: parent.slug, level: 'LEARNING' }, member);
    expect(await declare.execute({ topic: parent.slug, level: 'EXPERT' }, member)).toEqual({
      userId: member.userId,
      topicId: parent.id,
      level: 'EXPERT',
      endorsementCount: 0,
      evidenceScore: 0,
    });
    const remove = medium.get(RemoveSkillUseCase);
    expect(await remove.execute({ topic: parent.slug }, member)).toBe(true);
    expect(await remove.execute({ topic: parent.slug }, member)).toBe(false);
    await expect(remove.execute({ topic: slug('unknown') }, member)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: [{ field: 'topic' }] },
    });
    await expect(declare.execute({ topic: parent.slug, level: 'EXPERT' }, ANONYMOUS)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('when a member declared a topic and earned another, then affinity spreads the first over sub-topics and caps the earned', async () => {
    const member = community.employee({ reads: [space] });
    const { parent, child } = await topicTree();
    const earned = await topics.insert({ slug: slug('gardening'), name: 'Gardening', parentId: null });
    await medium.get(DeclareSkillUseCase).execute({ topic: parent.slug, level: 'PRACTITIONER' }, member);
    // Eight accepted answers: past the five that earn an EXPERT's weight.
    for (let i = 0; i < 8; i++)
      await medium.get(EvidenceRepository).record({
        userId: member.userId,
        kind: 'ACCEPTED_ANSWER',
        postId: randomUUID(),
        threadId: randomUUID(),
        spaceId: space,
        visibility: 'EVERYONE',
        topicIds: [earned.id],
        occurredAt: new Date().toISOString(),
      });

    const affinity = await medium.get(GetTopicAffinityUseCase).execute(member);
    expect(affinity).toEqual([
      { topicId: earned.id, weight: 3 },
      { topicId: parent.id, weight: 2 },
      { topicId: child.id, weight: 1 },
    ]);
    expect(await medium.get(GetTopicAffinityUseCase).execute(ANONYMOUS)).toEqual([]);
  });

  it('when nobody declared a topic or anything below it, then it is without experts', async () => {
    const { parent, child } = await topicTree();
    const lonely = await topics.insert({ slug: slug('lonely'), name: 'Lonely', parentId: null });
    await medium.get(DeclareSkillUseCase).execute({ topic: child.slug, level: 'LEARNING' }, community.employee());
    expect(await medium.get(FindTopicsWithoutExpertsUseCase).execute([parent.id, child.id, lonely.id])).toEqual([
      lonely.id,
    ]);
  });
});
