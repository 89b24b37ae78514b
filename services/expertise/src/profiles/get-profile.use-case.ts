import type { Principal, ProfileReply } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { ProfileSkills } from '../skills/profile-skills';
import { mayView, People } from './people';

/** Someone's profile with their skills, evidence as the viewer may see it. */
@Injectable()
export class GetProfileUseCase {
  constructor(
    private readonly people: People,
    private readonly skills: ProfileSkills,
    private readonly viewers: EvidenceViewers,
  ) {}

  /** A profile the viewer may not see does not exist for them. */
  async execute(userId: string, principal: Principal): Promise<ProfileReply> {
    const person = (await this.people.find([userId])).get(userId);
    if (!person || !mayView(principal, person)) throw notFound('Profile');
    return {
      userId,
      headline: person.headline,
      bio: person.bio,
      ambassador: person.ambassador,
      openToQuestions: person.openToQuestions,
      skills: await this.skills.of(userId, await this.viewers.of(principal)),
    };
  }
}
