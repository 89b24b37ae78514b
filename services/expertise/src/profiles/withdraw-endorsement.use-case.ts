import type { Principal, SkillReply } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { ProfileSkills } from '../skills/profile-skills';
import { SkillsRepository } from '../skills/skills.repository';
import { EndorsementTargets } from './endorsement-targets';

/** A member stops vouching for someone's skill; answers that skill as the member sees it. */
@Injectable()
export class WithdrawEndorsementUseCase {
  constructor(
    private readonly targets: EndorsementTargets,
    private readonly skills: SkillsRepository,
    private readonly profileSkills: ProfileSkills,
    private readonly viewers: EvidenceViewers,
  ) {}

  async execute(input: { userId: string; topic: string }, principal: Principal): Promise<SkillReply> {
    assertCanWrite(principal);
    const { userId, topicId } = await this.targets.find(input, principal);
    await this.skills.withdrawEndorsement(userId, topicId, principal.userId);
    return this.profileSkills.one(userId, topicId, await this.viewers.of(principal));
  }
}
