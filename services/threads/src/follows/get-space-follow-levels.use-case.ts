import type { Principal, SpaceFollowLevel } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { FollowsRepository } from './follows.repository';

/** The principal's level for each space; NORMAL where they chose none (and for anonymous readers). */
@Injectable()
export class GetSpaceFollowLevelsUseCase {
  constructor(private readonly follows: FollowsRepository) {}

  async execute(
    spaceIds: string[],
    principal: Principal,
  ): Promise<Array<{ spaceId: string; level: SpaceFollowLevel }>> {
    if (principal.kind === 'ANONYMOUS' || spaceIds.length === 0)
      return spaceIds.map((spaceId) => ({ spaceId, level: 'NORMAL' }));
    const levels = await this.follows.spaceLevels(principal.userId, spaceIds);
    return spaceIds.map((spaceId) => ({ spaceId, level: levels.get(spaceId) ?? 'NORMAL' }));
  }
}
