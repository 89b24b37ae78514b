import { expertise } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { FindExpertsByQuestionUseCase } from './find-experts-by-question.use-case';
import { FindExpertsByTopicUseCase } from './find-experts-by-topic.use-case';

@Controller()
export class ExpertsController {
  constructor(
    private readonly byTopic: FindExpertsByTopicUseCase,
    private readonly byQuestion: FindExpertsByQuestionUseCase,
  ) {}

  /** One subject, two questions: about a topic, or in free text. */
  @Handles(expertise.findExperts)
  async find(@Envelope(expertise.findExperts) request: Request<typeof expertise.findExperts>) {
    const query = request.payload;
    return {
      experts:
        'question' in query
          ? await this.byQuestion.execute(query, request.principal)
          : await this.byTopic.execute(query, request.principal),
    };
  }
}
