import { MediumService } from '@kern/testing';
import { migrations } from '../database/migrations';
import { Community, slug } from '../test/community';
import { AddTopicSynonymUseCase } from './add-topic-synonym.use-case';
import { CreateTopicUseCase } from './create-topic.use-case';
import { GetTopicSubtreeUseCase } from './get-topic-subtree.use-case';
import { ListTopicSynonymsUseCase } from './list-topic-synonyms.use-case';
import { ResolveTopicsUseCase } from './resolve-topics.use-case';
import { TopicsModule } from './topics.module';

describe('topics on real PostgreSQL', () => {
  let medium: MediumService;
  let community: Community;

  beforeAll(async () => {
    medium = await MediumService.start({ schema: 'expertise', migrations, imports: [TopicsModule] });
    community = new Community(medium.services);
  });
  afterAll(() => medium?.stop());

  it('when a community manager adds a sub-topic, then the parent subtree holds both, and an unknown slug is NOT_FOUND', async () => {
    const manager = community.employee({ roles: ['COMMUNITY_MANAGER'] });
    const create = medium.get(CreateTopicUseCase);
    const parent = await create.execute({ slug: slug('databases'), name: 'Databases' }, manager);
    const child = await create.execute(
      { slug: slug('postgres'), name: 'PostgreSQL', parentSlug: parent.slug },
      manager,
    );

    const subtree = await medium.get(GetTopicSubtreeUseCase).execute(parent.slug);
    expect(subtree.map((topic) => topic.id).sort()).toEqual([parent.id, child.id].sort());
    expect(subtree.find((topic) => topic.id === child.id)).toEqual({ ...child, parentId: parent.id });
    await expect(medium.get(GetTopicSubtreeUseCase).execute(slug('nowhere'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('when a slug is taken, then CONFLICT on slug; when a parent is unknown, then BAD_USER_INPUT on parentSlug', async () => {
    const admin = community.employee({ roles: ['ADMIN'] });
    const create = medium.get(CreateTopicUseCase);
    const taken = await create.execute({ slug: slug('kafka'), name: 'Kafka' }, admin);
    await expect(create.execute({ slug: taken.slug, name: 'Kafka again' }, admin)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { fields: [{ field: 'slug' }] },
    });
    await expect(
      create.execute({ slug: slug('orphan'), name: 'Orphan', parentSlug: slug('missing') }, admin),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'parentSlug' }] } });
  });

  it('when a member who is not staff creates a topic or a synonym, then FORBIDDEN', async () => {
    const member = community.employee();
    await expect(
      medium.get(CreateTopicUseCase).execute({ slug: slug('mine'), name: 'Mine' }, member),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      medium.get(AddTopicSynonymUseCase).execute({ topic: slug('any'), synonym: 'word' }, member),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('when a synonym is added twice, then the topic has it once; an unknown topic is BAD_USER_INPUT on topic', async () => {
    const manager = community.employee({ roles: ['COMMUNITY_MANAGER'] });
    const topic = await medium.get(CreateTopicUseCase).execute({ slug: slug('k8s'), name: 'Kubernetes' }, manager);
    const add = medium.get(AddTopicSynonymUseCase);
    expect(await add.execute({ topic: topic.slug, synonym: 'kube' }, manager)).toEqual(['kube']);
    expect(await add.execute({ topic: topic.slug, synonym: 'kube' }, manager)).toEqual(['kube']);
    expect(await add.execute({ topic: topic.slug, synonym: 'containers' }, manager)).toEqual(['containers', 'kube']);

    const other = await medium.get(CreateTopicUseCase).execute({ slug: slug('bare'), name: 'Bare' }, manager);
    expect(await medium.get(ListTopicSynonymsUseCase).execute([other.id, topic.id])).toEqual([
      { topicId: other.id, synonyms: [] },
      { topicId: topic.id, synonyms: ['containers', 'kube'] },
    ]);
    await expect(add.execute({ topic: slug('unknown'), synonym: 'word' }, manager)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: [{ field: 'topic' }] },
    });
  });

  it('when slugs are resolved, then ids come in the order named, and unknown slugs are listed', async () => {
    const manager = community.employee({ roles: ['ADMIN'] });
    const create = medium.get(CreateTopicUseCase);
    const [a, b] = [
      await create.execute({ slug: slug('a'), name: 'A' }, manager),
      await create.execute({ slug: slug('b'), name: 'B' }, manager),
    ];
    const resolve = medium.get(ResolveTopicsUseCase);
    expect(await resolve.execute([b.slug, a.slug, b.slug])).toEqual([b.id, a.id]);
    const unknown = slug('unknown');
    await expect(resolve.execute([a.slug, unknown])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { unknown: [unknown], fields: [{ field: 'topics' }] },
    });
  });
});
