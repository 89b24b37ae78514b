import type { Principal } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { OpenQuestionsRepository } from './open-questions.repository';

/** How many questions wait for an answer per topic, in the spaces the principal may read. */
@Injectable()
export class ListOpenQuestionTopicsUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly questions: OpenQuestionsRepository,
  ) {}

  async execute(principal: Principal): Promise<Array<{ topicId: string; openQuestions: number }>> {
    return this.questions.countByTopic(await this.spaces.readableSpaceIds(principal));
  }
}
