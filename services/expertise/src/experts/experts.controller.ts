import { expertise } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { FindExpertsUseCase } from './find-experts.use-case';

@Controller()
export class ExpertsController {
  constructor(private readonly experts: FindExpertsUseCase) {}

  @Handles(expertise.findExperts)
  async find(@Envelope(expertise.findExperts) request: Request<typeof expertise.findExperts>) {
    const query = request.payload;
    return {
      experts:
        'question' in query
          ? await this.experts.byQuestion(query, request.principal)
          : await this.experts.byTopic(query, request.principal),
    };
  }
}
