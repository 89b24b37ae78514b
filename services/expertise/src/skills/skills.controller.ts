import { expertise } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { DeclareSkillUseCase } from './declare-skill.use-case';
import { FindTopicsWithoutExpertsUseCase } from './find-topics-without-experts.use-case';
import { GetTopicAffinityUseCase } from './get-topic-affinity.use-case';
import { RemoveSkillUseCase } from './remove-skill.use-case';

/** People declare what they know; the declared level is one part of their expertise. */
@Controller()
export class SkillsController {
  constructor(
    private readonly declareSkill: DeclareSkillUseCase,
    private readonly removeSkill: RemoveSkillUseCase,
    private readonly getTopicAffinity: GetTopicAffinityUseCase,
    private readonly findTopicsWithoutExperts: FindTopicsWithoutExpertsUseCase,
  ) {}

  @Handles(expertise.declareSkill)
  declare(@Envelope(expertise.declareSkill) request: Request<typeof expertise.declareSkill>) {
    return this.declareSkill.execute(request.payload, request.principal);
  }

  @Handles(expertise.removeSkill)
  async remove(@Envelope(expertise.removeSkill) request: Request<typeof expertise.removeSkill>) {
    return { removed: await this.removeSkill.execute(request.payload, request.principal) };
  }

  @Handles(expertise.topicAffinity)
  async affinity(@Envelope(expertise.topicAffinity) request: Request<typeof expertise.topicAffinity>) {
    return { topics: await this.getTopicAffinity.execute(request.principal) };
  }

  @Handles(expertise.topicsWithoutExperts)
  async withoutExperts(
    @Envelope(expertise.topicsWithoutExperts) request: Request<typeof expertise.topicsWithoutExperts>,
  ) {
    return { topicIds: await this.findTopicsWithoutExperts.execute(request.payload.ids) };
  }
}
