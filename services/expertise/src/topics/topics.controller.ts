import { expertise } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
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

  @Handles(expertise.createTopic)
  create(@Envelope(expertise.createTopic) request: Request<typeof expertise.createTopic>) {
    return this.createTopic.execute(request.payload, request.principal);
  }
}
