import type { MembershipReply, MembershipStatus, Principal } from '@kern/contracts';
import { forbidden, parseTimeCursor } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { accessOf } from '../access/space-access';
import { viewerOf } from '../access/viewer';
import { FindSpacesUseCase } from '../spaces/find-spaces.use-case';
import { accessFactsOf } from '../spaces/space-row';
import { MembershipsRepository } from './memberships.repository';

/** Members are listed to whoever reads the space; pending requests to its moderators. */
@Injectable()
export class ListMembersUseCase {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly find: FindSpacesUseCase,
  ) {}

  async execute(
    input: { spaceId: string; status?: MembershipStatus; first: number; after?: string },
    principal: Principal,
  ): Promise<{ memberships: MembershipReply[]; hasNextPage: boolean }> {
    const viewer = viewerOf(principal);
    const access = accessOf(viewer, accessFactsOf(await this.find.visibleOrNotFound(viewer, { id: input.spaceId })));
    const status = input.status ?? 'ACTIVE';
    if (!access.read) throw forbidden('Only members see who is in this space');
    if (status === 'PENDING' && !access.moderate) throw forbidden('Only moderators see join requests');
    const rows = await this.memberships.list(
      input.spaceId,
      status,
      input.first,
      input.after === undefined ? undefined : parseCursor(input.after),
    );
    return { memberships: rows.slice(0, input.first), hasNextPage: rows.length > input.first };
  }

  /** Every active member, for the space's moderators (insights). */
  async ids(spaceId: string, principal: Principal): Promise<string[]> {
    const viewer = viewerOf(principal);
    const access = accessOf(viewer, accessFactsOf(await this.find.visibleOrNotFound(viewer, { id: spaceId })));
    if (!access.moderate) throw forbidden("Only the space's moderators see its insights");
    return this.memberships.activeUserIdsOf(spaceId);
  }
}

/** `after` is the last membership's `joinedAt|userId`. */
function parseCursor(after: string): { joinedAt: string; userId: string } {
  const { at, id } = parseTimeCursor(after);
  return { joinedAt: at, userId: id };
}
