import { Injectable } from '@nestjs/common';
import type { EvidenceViewer } from '../evidence/evidence.repository';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { DECLARED_LEVEL_WEIGHT, ENDORSEMENT_WEIGHT } from '../skills/skill-level';
import { SkillsRepository } from '../skills/skills.repository';

export interface Standing {
  score: number;
  acceptedAnswers: number;
}

/**
 * The expert score on a topic: the evidence the viewer may see (accepted answers 10, helpful marks 3,
 * replies 1, halving every 180 days, sub-topics included), plus 2 per endorsement and the strongest
 * declared level in the subtree (1-3). An accepted answer outweighs any declaration.
 */
@Injectable()
export class ExpertRanking {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly skills: SkillsRepository,
  ) {}

  async rank(topicId: string, subtreeIds: string[], viewer: EvidenceViewer): Promise<Map<string, Standing>> {
    const [earned, declared, endorsed] = await Promise.all([
      this.evidence.scores(viewer, { topicId, touching: subtreeIds }),
      this.skills.declaredOn(subtreeIds),
      this.skills.endorsements({ topicIds: subtreeIds }),
    ]);
    const standings = new Map<string, Standing>();
    const add = (userId: string, score: number, acceptedAnswers = 0) => {
      const standing = standings.get(userId) ?? { score: 0, acceptedAnswers: 0 };
      standings.set(userId, {
        score: standing.score + score,
        acceptedAnswers: standing.acceptedAnswers + acceptedAnswers,
      });
    };
    for (const entry of earned) add(entry.userId, entry.score, entry.acceptedAnswers);
    const strongestLevel = new Map<string, number>();
    for (const entry of declared)
      strongestLevel.set(
        entry.userId,
        Math.max(strongestLevel.get(entry.userId) ?? 0, DECLARED_LEVEL_WEIGHT[entry.level]),
      );
    for (const [userId, weight] of strongestLevel) add(userId, weight);
    for (const entry of endorsed) add(entry.userId, ENDORSEMENT_WEIGHT * entry.count);
    return standings;
  }
}
