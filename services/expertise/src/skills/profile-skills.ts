import type { SkillLevel, SkillReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import type { EvidenceViewer } from '../evidence/evidence.repository';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { earnedLevel } from './skill-level';
import { SkillsRepository } from './skills.repository';

/**
 * A person's skills as a viewer sees them: declared ones, and those earned (evidence the viewer may
 * see) or endorsed without being declared, strongest first.
 */
@Injectable()
export class ProfileSkills {
  constructor(
    private readonly skills: SkillsRepository,
    private readonly evidence: EvidenceRepository,
  ) {}

  async of(userId: string, viewer: EvidenceViewer): Promise<SkillReply[]> {
    const [declared, endorsed, earned] = await Promise.all([
      this.skills.declaredOf([userId]),
      this.skills.endorsements({ userIds: [userId] }),
      this.evidence.scores(viewer, { userIds: [userId] }),
    ]);
    const topics = new Set([...declared, ...endorsed, ...earned].map((entry) => entry.topicId));
    const level = new Map<string, SkillLevel>(declared.map((entry) => [entry.topicId, entry.level]));
    const endorsements = new Map(endorsed.map((entry) => [entry.topicId, entry.count]));
    const scores = new Map(earned.map((entry) => [entry.topicId, entry.score]));
    return [...topics]
      .map((topicId) => {
        const evidenceScore = scores.get(topicId) ?? 0;
        return {
          userId,
          topicId,
          level: level.get(topicId) ?? earnedLevel(evidenceScore),
          endorsementCount: endorsements.get(topicId) ?? 0,
          evidenceScore,
        };
      })
      .sort((a, b) => b.evidenceScore - a.evidenceScore || b.endorsementCount - a.endorsementCount);
  }

  async one(userId: string, topicId: string, viewer: EvidenceViewer): Promise<SkillReply> {
    const found = (await this.of(userId, viewer)).find((skill) => skill.topicId === topicId);
    return found ?? { userId, topicId, level: 'LEARNING', endorsementCount: 0, evidenceScore: 0 };
  }
}
