import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { accessOf } from '../access/space-access';
import { viewerOf } from '../access/viewer';
import { SpacesRepository } from '../spaces/spaces.repository';
import { accessFactsOf } from '../spaces/spaces.mapper';
import { visibleSpaceOrNotFound } from '../spaces/visible-space';
import { MembershipsRepository } from './memberships.repository';

/** Every active member, for the space's moderators (insights). */
@Injectable()
export class ListMemberIdsUseCase {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async execute(
    input: RequestOf<typeof spaces.memberIds>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.memberIds>> {
    const viewer = viewerOf(principal);
    const space = await visibleSpaceOrNotFound(this.spaces, viewer, { id: input.spaceId });
    if (!accessOf(viewer, accessFactsOf(space)).moderate)
      throw forbidden("Only the space's moderators see its insights");
    return { userIds: await this.memberships.activeUserIdsOf(input.spaceId) };
  }
}
