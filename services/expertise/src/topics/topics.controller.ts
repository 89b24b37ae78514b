import { expertise, hasRole } from '@kern/contracts';
import { assertCanWrite, badInput, Envelope, forbidden, Handles, notFound, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { QuestionMatcher } from '../experts/question-matcher';
import { CreateTopicUseCase } from './create-topic.use-case';
import { ResolveTopicsUseCase } from './resolve-topics.use-case';
import { TopicsRepository } from './topics.repository';

@Controller()
export class TopicsController {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly createTopic: CreateTopicUseCase,
    private readonly resolveTopics: ResolveTopicsUseCase,
    private readonly matcher: QuestionMatcher,
  ) {}

  @Handles(expertise.listTopics)
  async list() {
    return { topics: await this.topics.list() };
  }

  @Handles(expertise.getTopics)
  async getMany(@Envelope(expertise.getTopics) request: Request<typeof expertise.getTopics>) {
    return { topics: await this.topics.findByIds(request.payload.ids) };
  }

  @Handles(expertise.findTopicsBySlug)
  async findBySlug(@Envelope(expertise.findTopicsBySlug) request: Request<typeof expertise.findTopicsBySlug>) {
    return { topics: await this.topics.findBySlugs(request.payload.slugs) };
  }

  @Handles(expertise.resolveTopics)
  async resolve(@Envelope(expertise.resolveTopics) request: Request<typeof expertise.resolveTopics>) {
    return { topicIds: await this.resolveTopics.execute(request.payload.slugs) };
  }

  @Handles(expertise.topicSubtree)
  async subtree(@Envelope(expertise.topicSubtree) request: Request<typeof expertise.topicSubtree>) {
    const topics = await this.topics.subtree(request.payload.slug);
    if (topics.length === 0) throw notFound(`Topic "${request.payload.slug}"`);
    return { topics };
  }

  @Handles(expertise.addTopicSynonym)
  async addSynonym(@Envelope(expertise.addTopicSynonym) request: Request<typeof expertise.addTopicSynonym>) {
    assertCanWrite(request.principal);
    if (!hasRole(request.principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers change the taxonomy');
    const topic = await this.topics.findBySlug(request.payload.topic);
    if (!topic) throw badInput(`Unknown topic: ${request.payload.topic}`, { field: 'topic' });
    await this.matcher.addSynonym(topic.id, request.payload.synonym);
    return { synonyms: (await this.matcher.synonymsOf([topic.id])).get(topic.id) ?? [] };
  }

  @Handles(expertise.topicSynonyms)
  async synonyms(@Envelope(expertise.topicSynonyms) request: Request<typeof expertise.topicSynonyms>) {
    const found = await this.matcher.synonymsOf(request.payload.ids);
    return { synonyms: request.payload.ids.map((topicId) => ({ topicId, synonyms: found.get(topicId) ?? [] })) };
  }

  @Handles(expertise.createTopic)
  create(@Envelope(expertise.createTopic) request: Request<typeof expertise.createTopic>) {
    return this.createTopic.execute(request.payload, request.principal);
  }
}
