import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { forbidden, parseTimeCursor } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { accessOf } from '../access/space-access';
import { viewerOf } from '../access/viewer';
import { SpacesRepository } from '../spaces/spaces.repository';
import { accessFactsOf } from '../spaces/spaces.mapper';
import { visibleSpaceOrNotFound } from '../spaces/visible-space';
import { MembershipsRepository } from './memberships.repository';
import { toMembershipReply } from './memberships.mapper';

/** Members are listed to whoever reads the space; pending requests to its moderators. */
@Injectable()
export class ListMembersUseCase {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async execute(
    input: RequestOf<typeof spaces.listMembers>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.listMembers>> {
    const viewer = viewerOf(principal);
    const space = await visibleSpaceOrNotFound(this.spaces, viewer, { id: input.spaceId });
    const access = accessOf(viewer, accessFactsOf(space));
    const status = input.status ?? 'ACTIVE';
    if (!access.read) throw forbidden('Only members see who is in this space');
    if (status === 'PENDING' && !access.moderate) throw forbidden('Only moderators see join requests');
    const found = await this.memberships.list(
      input.spaceId,
      status,
      input.first,
      input.after === undefined ? undefined : parseCursor(input.after),
    );
    return { memberships: found.slice(0, input.first).map(toMembershipReply), hasNextPage: found.length > input.first };
  }
}

/** `after` is the last membership's `joinedAt|userId`. */
function parseCursor(after: string): { joinedAt: string; userId: string } {
  const { at, id } = parseTimeCursor(after);
  return { joinedAt: at, userId: id };
}
