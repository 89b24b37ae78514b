import { expertise } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { AddTopicSynonymUseCase } from './add-topic-synonym.use-case';
import { CreateTopicUseCase } from './create-topic.use-case';
import { FindTopicsBySlugUseCase } from './find-topics-by-slug.use-case';
import { GetTopicSubtreeUseCase } from './get-topic-subtree.use-case';
import { GetTopicsUseCase } from './get-topics.use-case';
import { ListTopicSynonymsUseCase } from './list-topic-synonyms.use-case';
import { ListTopicsUseCase } from './list-topics.use-case';
import { ResolveTopicsUseCase } from './resolve-topics.use-case';

@Controller()
export class TopicsController {
  constructor(
    private readonly listTopics: ListTopicsUseCase,
    private readonly getTopics: GetTopicsUseCase,
    private readonly findTopicsBySlug: FindTopicsBySlugUseCase,
    private readonly resolveTopics: ResolveTopicsUseCase,
    private readonly getTopicSubtree: GetTopicSubtreeUseCase,
    private readonly createTopic: CreateTopicUseCase,
    private readonly addTopicSynonym: AddTopicSynonymUseCase,
    private readonly listTopicSynonyms: ListTopicSynonymsUseCase,
  ) {}

  @Handles(expertise.listTopics)
  async list() {
    return { topics: await this.listTopics.execute() };
  }

  @Handles(expertise.getTopics)
  async getMany(@Envelope(expertise.getTopics) request: Request<typeof expertise.getTopics>) {
    return { topics: await this.getTopics.execute(request.payload.ids) };
  }

  @Handles(expertise.findTopicsBySlug)
  async findBySlug(@Envelope(expertise.findTopicsBySlug) request: Request<typeof expertise.findTopicsBySlug>) {
    return { topics: await this.findTopicsBySlug.execute(request.payload.slugs) };
  }

  @Handles(expertise.resolveTopics)
  async resolve(@Envelope(expertise.resolveTopics) request: Request<typeof expertise.resolveTopics>) {
    return { topicIds: await this.resolveTopics.execute(request.payload.slugs) };
  }

  @Handles(expertise.topicSubtree)
  async subtree(@Envelope(expertise.topicSubtree) request: Request<typeof expertise.topicSubtree>) {
    return { topics: await this.getTopicSubtree.execute(request.payload.slug) };
  }

  @Handles(expertise.createTopic)
  create(@Envelope(expertise.createTopic) request: Request<typeof expertise.createTopic>) {
    return this.createTopic.execute(request.payload, request.principal);
  }

  @Handles(expertise.addTopicSynonym)
  async addSynonym(@Envelope(expertise.addTopicSynonym) request: Request<typeof expertise.addTopicSynonym>) {
    return { synonyms: await this.addTopicSynonym.execute(request.payload, request.principal) };
  }

  @Handles(expertise.topicSynonyms)
  async synonyms(@Envelope(expertise.topicSynonyms) request: Request<typeof expertise.topicSynonyms>) {
    return { synonyms: await this.listTopicSynonyms.execute(request.payload.ids) };
  }
}
