import { Injectable } from '@nestjs/common';
import { SkillsRepository } from './skills.repository';

/** Of these topics, those nobody declared, earned or was endorsed for (sub-topics included): where help is missing. */
@Injectable()
export class FindTopicsWithoutExpertsUseCase {
  constructor(private readonly skills: SkillsRepository) {}

  execute(topicIds: string[]): Promise<string[]> {
    return this.skills.withoutExperts(topicIds);
  }
}
