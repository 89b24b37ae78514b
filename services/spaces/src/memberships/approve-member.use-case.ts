import { type MembershipReply, type Principal, type RequestOf, spaces } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from './memberships.repository';
import { toMembershipReply } from './memberships.mapper';
import { ModeratorChecks } from './moderator-checks';

/** A moderator accepts a request to join. */
@Injectable()
export class ApproveMemberUseCase {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly moderators: ModeratorChecks,
  ) {}

  async execute(input: RequestOf<typeof spaces.approveMember>, principal: Principal): Promise<MembershipReply> {
    const { space } = await this.moderators.asModerator(input.spaceId, principal);
    const request = await this.memberships.find(space.id, input.userId);
    if (!request) throw notFound('Join request');
    if (request.status === 'ACTIVE') return toMembershipReply(request);
    await this.moderators.assertInAudience(space, input.userId, principal);
    return toMembershipReply((await this.memberships.update(space.id, input.userId, { status: 'ACTIVE' }))!);
  }
}
