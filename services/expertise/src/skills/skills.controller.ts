import { expertise, isAuthenticated, type Principal } from '@kern/contracts';
import { assertCanWrite, badInput, Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { ProfileSkills } from '../profiles/profile-skills';
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

  @Handles(expertise.topicAffinity)
  async affinity(@Envelope(expertise.topicAffinity) request: Request<typeof expertise.topicAffinity>) {
    const principal: Principal = request.principal;
    return { topics: isAuthenticated(principal) ? await this.skills.affinity(principal.userId) : [] };
  }

  private async topicId(slug: string): Promise<string> {
    const topic = await this.topics.findBySlug(slug);
    if (!topic) throw badInput(`Unknown topic: ${slug}`, { field: 'topic' });
    return topic.id;
  }
}
