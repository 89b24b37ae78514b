import { type MembershipReply, type Principal, type RequestOf, spaces } from '@kern/contracts';
import { conflict } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from './memberships.repository';
import { toMembershipReply } from './memberships.mapper';
import { ModeratorChecks } from './moderator-checks';

/** A moderator adds someone directly; it also approves a pending request. */
@Injectable()
export class InviteMemberUseCase {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly moderators: ModeratorChecks,
  ) {}

  async execute(input: RequestOf<typeof spaces.inviteMember>, principal: Principal): Promise<MembershipReply> {
    const { space } = await this.moderators.asModerator(input.spaceId, principal);
    await this.moderators.assertInAudience(space, input.userId, principal);
    if (await this.memberships.isBanned(space.id, input.userId))
      throw conflict('This user is banned from the space; lift the ban first', { field: 'userId' });
    const current = await this.memberships.find(space.id, input.userId);
    if (current?.status === 'ACTIVE') return toMembershipReply(current);
    if (current)
      return toMembershipReply((await this.memberships.update(space.id, input.userId, { status: 'ACTIVE' }))!);
    return toMembershipReply(
      await this.memberships.add({
        spaceId: space.id,
        userId: input.userId,
        role: 'MEMBER',
        status: 'ACTIVE',
        guidelinesAccepted: false,
      }),
    );
  }
}
