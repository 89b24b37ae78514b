import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { MemberKinds } from './member-kinds';
import { MembershipsRepository } from './memberships.repository';
import { ModeratorChecks } from './moderator-checks';

/** A moderator removes someone (if they are a member) and keeps them from joining again. */
@Injectable()
export class BanMemberUseCase {
  constructor(
    private readonly database: Database,
    private readonly memberships: MembershipsRepository,
    private readonly moderators: ModeratorChecks,
    private readonly memberKinds: MemberKinds,
  ) {}

  async execute(
    input: RequestOf<typeof spaces.banMember>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.banMember>> {
    const acting = await this.moderators.asModerator(input.spaceId, principal);
    if (input.userId === acting.principal.userId) throw badInput('You cannot ban yourself', { field: 'userId' });
    // Only someone who exists is banned (NOT_FOUND otherwise).
    await this.memberKinds.of(input.userId, principal);
    await this.database.transaction(async () => {
      await this.moderators.assertMayRemove(acting, input.userId);
      await this.memberships.remove(acting.space.id, input.userId);
      await this.memberships.ban(acting.space.id, input.userId, acting.principal.userId, input.reason ?? null);
    });
    return { banned: true };
  }
}
