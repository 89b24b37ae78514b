import type { Principal, SkillLevel, SkillReply } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { KnownTopics } from '../topics/known-topics';
import { ProfileSkills } from './profile-skills';
import { SkillsRepository } from './skills.repository';

/** A member says what they know and how well; declaring again changes the level. */
@Injectable()
export class DeclareSkillUseCase {
  constructor(
    private readonly topics: KnownTopics,
    private readonly skills: SkillsRepository,
    private readonly profileSkills: ProfileSkills,
    private readonly viewers: EvidenceViewers,
  ) {}

  async execute(input: { topic: string; level: SkillLevel }, principal: Principal): Promise<SkillReply> {
    assertCanWrite(principal);
    const topic = await this.topics.bySlug(input.topic);
    await this.skills.declare(principal.userId, topic.id, input.level);
    return this.profileSkills.one(principal.userId, topic.id, await this.viewers.of(principal));
  }
}
