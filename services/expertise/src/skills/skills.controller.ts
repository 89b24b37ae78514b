import { expertise, isAuthenticated, type Principal } from '@kern/contracts';
import { assertCanWrite, badInput, Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { EVIDENCE_WEIGHT } from '../evidence/evidence-weights';
import { ProfileSkills } from '../profiles/profile-skills';
import { DECLARED_LEVEL_WEIGHT } from './skill-level';
import { TopicsRepository } from '../topics/topics.repository';
import { SkillsRepository } from './skills.repository';

/** People declare what they know; the declared level is one part of their expertise. */
@Controller()
export class SkillsController {
  constructor(
    private readonly skills: SkillsRepository,
    private readonly topics: TopicsRepository,
    private readonly profileSkills: ProfileSkills,
    private readonly viewers: EvidenceViewers,
  ) {}

  @Handles(expertise.declareSkill)
  async declare(@Envelope(expertise.declareSkill) request: Request<typeof expertise.declareSkill>) {
    assertCanWrite(request.principal);
    const topicId = await this.topicId(request.payload.topic);
    await this.skills.declare(request.principal.userId, topicId, request.payload.level);
    return this.profileSkills.one(request.principal.userId, topicId, await this.viewers.of(request.principal));
  }

  @Handles(expertise.removeSkill)
  async remove(@Envelope(expertise.removeSkill) request: Request<typeof expertise.removeSkill>) {
    assertCanWrite(request.principal);
    return { removed: await this.skills.remove(request.principal.userId, await this.topicId(request.payload.topic)) };
  }

  /** Declared skills (spread over their sub-topics), and earned ones: up to an EXPERT's weight for five accepted answers' evidence. */
  @Handles(expertise.topicAffinity)
  async affinity(@Envelope(expertise.topicAffinity) request: Request<typeof expertise.topicAffinity>) {
    const principal: Principal = request.principal;
    if (!isAuthenticated(principal)) return { topics: [] };
    const weights = new Map(
      (await this.skills.affinity(principal.userId)).map((entry) => [entry.topicId, entry.weight]),
    );
    for (const skill of await this.profileSkills.of(principal.userId, await this.viewers.of(principal))) {
      const earned = Math.min(
        DECLARED_LEVEL_WEIGHT.EXPERT,
        skill.evidenceScore / ((EVIDENCE_WEIGHT.ACCEPTED_ANSWER * 5) / DECLARED_LEVEL_WEIGHT.EXPERT),
      );
      if (earned > 0) weights.set(skill.topicId, Math.max(weights.get(skill.topicId) ?? 0, earned));
    }
    return {
      topics: [...weights].map(([topicId, weight]) => ({ topicId, weight })).sort((a, b) => b.weight - a.weight),
    };
  }

  @Handles(expertise.topicsWithoutExperts)
  async withoutExperts(
    @Envelope(expertise.topicsWithoutExperts) request: Request<typeof expertise.topicsWithoutExperts>,
  ) {
    return { topicIds: await this.skills.withoutExperts(request.payload.ids) };
  }

  private async topicId(slug: string): Promise<string> {
    const topic = await this.topics.findBySlug(slug);
    if (!topic) throw badInput(`Unknown topic: ${slug}`, { field: 'topic' });
    return topic.id;
  }
}
