import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from './memberships.repository';
import { ModeratorChecks } from './moderator-checks';

/** A moderator removes a member, or turns down a request to join. */
@Injectable()
export class RemoveMemberUseCase {
  constructor(
    private readonly database: Database,
    private readonly memberships: MembershipsRepository,
    private readonly moderators: ModeratorChecks,
  ) {}

  async execute(
    input: RequestOf<typeof spaces.removeMember>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.removeMember>> {
    const acting = await this.moderators.asModerator(input.spaceId, principal);
    const removed = await this.database.transaction(async () => {
      await this.moderators.assertMayRemove(acting, input.userId);
      return this.memberships.remove(acting.space.id, input.userId);
    });
    return { removed };
  }
}
