import { hasRole, type Principal, type ProfileReply } from '@kern/contracts';
import { assertCanWrite, badInput, forbidden, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { mayView, People } from './people';
import { ProfileSkills } from './profile-skills';
import { ProfilesRepository } from './profiles.repository';

@Injectable()
export class ProfilesUseCase {
  constructor(
    private readonly people: People,
    private readonly profiles: ProfilesRepository,
    private readonly skills: ProfileSkills,
    private readonly viewers: EvidenceViewers,
  ) {}

  /** A profile the viewer may not see does not exist for them. */
  async get(userId: string, principal: Principal): Promise<ProfileReply> {
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

  /** Ambassador flags count only while their holders are employees. */
  async countAmbassadors(principal: Principal): Promise<number> {
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers see community numbers');
    const people = await this.people.find(await this.profiles.ambassadorIds());
    return [...people.values()].filter((person) => person.ambassador && !person.suspended).length;
  }

  async update(
    input: { headline?: string | null; bio?: string | null; ambassador?: boolean; openToQuestions?: boolean },
    principal: Principal,
  ): Promise<ProfileReply> {
    assertCanWrite(principal);
    // Ambassadors are the employees who show themselves to customers as experts.
    if (input.ambassador && principal.kind !== 'EMPLOYEE')
      throw badInput('Only employees can be ambassadors', { field: 'ambassador' });
    await this.profiles.update(principal.userId, {
      ...(input.headline !== undefined ? { headline: input.headline || null } : {}),
      ...(input.bio !== undefined ? { bio: input.bio || null } : {}),
      ambassador: input.ambassador,
      openToQuestions: input.openToQuestions,
    });
    return this.get(principal.userId, principal);
  }
}
