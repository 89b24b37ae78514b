import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from './memberships.repository';
import { ModeratorChecks } from './moderator-checks';

/** A moderator lifts a ban; the user may join again (they are not added back). */
@Injectable()
export class UnbanMemberUseCase {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly moderators: ModeratorChecks,
  ) {}

  async execute(
    input: RequestOf<typeof spaces.unbanMember>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.unbanMember>> {
    const { space } = await this.moderators.asModerator(input.spaceId, principal);
    return { unbanned: await this.memberships.unban(space.id, input.userId) };
  }
}
