import type { Principal, SkillReply } from '@kern/contracts';
import { assertCanWrite, badInput, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { mayView, People } from '../profiles/people';
import { ProfileSkills } from '../profiles/profile-skills';
import { TopicsRepository } from '../topics/topics.repository';
import { SkillsRepository } from './skills.repository';

/** A member vouches for someone they can see; once per skill, and never for themself. */
@Injectable()
export class EndorseUseCase {
  constructor(
    private readonly people: People,
    private readonly topics: TopicsRepository,
    private readonly skills: SkillsRepository,
    private readonly profileSkills: ProfileSkills,
    private readonly viewers: EvidenceViewers,
  ) {}

  async execute(
    input: { userId: string; topic: string },
    withdraw: boolean,
    principal: Principal,
  ): Promise<SkillReply> {
    assertCanWrite(principal);
    if (input.userId === principal.userId) throw badInput('You cannot endorse yourself', { field: 'userId' });
    const person = (await this.people.find([input.userId])).get(input.userId);
    if (!person || !mayView(principal, person)) throw notFound('User');
    const topic = await this.topics.findBySlug(input.topic);
    if (!topic) throw badInput(`Unknown topic: ${input.topic}`, { field: 'topic' });
    if (withdraw) await this.skills.withdrawEndorsement(person.userId, topic.id, principal.userId);
    else await this.skills.endorse(person.userId, topic.id, principal.userId);
    return this.profileSkills.one(person.userId, topic.id, await this.viewers.of(principal));
  }
}
