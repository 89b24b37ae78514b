import type { Principal, ProfileReply } from '@kern/contracts';
import { assertCanWrite, badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { GetProfileUseCase } from './get-profile.use-case';
import { ProfilesRepository } from './profiles.repository';

/** A member changes their own profile; what they leave out stays, and an empty text clears it. */
@Injectable()
export class UpdateProfileUseCase {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly getProfile: GetProfileUseCase,
  ) {}

  async execute(
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
    return this.getProfile.execute(principal.userId, principal);
  }
}
