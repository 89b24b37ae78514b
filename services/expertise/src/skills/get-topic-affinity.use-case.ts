import { isAuthenticated, type Principal, type TopicAffinity, type UserPrincipal } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { EVIDENCE_WEIGHT } from '../evidence/evidence-weights';
import { ProfileSkills } from './profile-skills';
import { DECLARED_LEVEL_WEIGHT } from './skill-level';
import { SkillsRepository } from './skills.repository';

/** Evidence worth five accepted answers earns as much affinity as a declared EXPERT level. */
const EVIDENCE_PER_WEIGHT = (EVIDENCE_WEIGHT.ACCEPTED_ANSWER * 5) / DECLARED_LEVEL_WEIGHT.EXPERT;

/**
 * How much the principal's skills point at each topic, strongest first, for recommending spaces and
 * questions: declared skills (spread over their sub-topics), and earned ones up to an EXPERT's weight.
 */
@Injectable()
export class GetTopicAffinityUseCase {
  constructor(
    private readonly skills: SkillsRepository,
    private readonly profileSkills: ProfileSkills,
    private readonly viewers: EvidenceViewers,
  ) {}

  async execute(principal: Principal): Promise<TopicAffinity[]> {
    if (!isAuthenticated(principal)) return [];
    const weights = new Map(
      (await this.skills.affinity(principal.userId)).map((entry) => [entry.topicId, entry.weight]),
    );
    for (const [topicId, earned] of await this.earned(principal))
      weights.set(topicId, Math.max(weights.get(topicId) ?? 0, earned));
    return [...weights].map(([topicId, weight]) => ({ topicId, weight })).sort((a, b) => b.weight - a.weight);
  }

  private async earned(principal: UserPrincipal): Promise<Map<string, number>> {
    const earned = new Map<string, number>();
    for (const skill of await this.profileSkills.of(principal.userId, await this.viewers.of(principal))) {
      const weight = Math.min(DECLARED_LEVEL_WEIGHT.EXPERT, skill.evidenceScore / EVIDENCE_PER_WEIGHT);
      if (weight > 0) earned.set(skill.topicId, weight);
    }
    return earned;
  }
}
