import { expertise } from '@kern/contracts';
import { Envelope, Handles, notFound, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { CreateTopicUseCase } from './create-topic.use-case';
import { TopicsRepository } from './topics.repository';

@Controller()
export class TopicsController {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly createTopic: CreateTopicUseCase,
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

  @Handles(expertise.topicSubtree)
  async subtree(@Envelope(expertise.topicSubtree) request: Request<typeof expertise.topicSubtree>) {
    const topics = await this.topics.subtree(request.payload.slug);
    if (topics.length === 0) throw notFound(`Topic "${request.payload.slug}"`);
    return { topics };
  }

  @Handles(expertise.createTopic)
  create(@Envelope(expertise.createTopic) request: Request<typeof expertise.createTopic>) {
    return this.createTopic.execute(request.payload, request.principal);
  }
}
