import type { EngagementRing, Principal } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { ringOf } from './engagement';
import { InsightsRepository } from './insights.repository';

/** Each user's ring in a space, counting what the principal may see (for `Membership.ring`). */
@Injectable()
export class GetEngagementRingsUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly insights: InsightsRepository,
  ) {}

  async execute(
    spaceId: string,
    userIds: string[],
    principal: Principal,
  ): Promise<Array<{ userId: string; ring: EngagementRing }>> {
    if (!(await this.spaces.forSpaces([spaceId], principal)).get(spaceId)) throw notFound('Space');
    const posts = new Map(
      (await this.insights.activity([spaceId], principal.kind === 'EMPLOYEE')).map((entry) => [
        entry.userId,
        entry.posts,
      ]),
    );
    return userIds.map((userId) => ({ userId, ring: ringOf(posts.get(userId) ?? 0) }));
  }
}
