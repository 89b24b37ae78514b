import { type MembershipReply, type MembershipStatus, type Principal, type RequestOf, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, badInput, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { viewerOf, type Viewer } from '../access/viewer';
import type { SpaceRecord } from '../spaces/space.record';
import { SpacesRepository } from '../spaces/spaces.repository';
import { visibleSpaceOrNotFound } from '../spaces/visible-space';
import { MembershipsRepository } from './memberships.repository';
import { toMembershipReply } from './memberships.mapper';

/**
 * Joining, or asking to join, by the member themself: OPEN spaces take the viewer at once, APPROVAL
 * spaces record a request, INVITE spaces need an invitation. Joining again accepts the guidelines.
 */
@Injectable()
export class JoinSpaceUseCase {
  constructor(
    private readonly database: Database,
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async execute(input: RequestOf<typeof spaces.join>, principal: Principal): Promise<MembershipReply> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    return this.database.transaction(async () => {
      // FOR SHARE: an audience change (FOR UPDATE) waits for this join, and this join for it.
      const space = await visibleSpaceOrNotFound(this.spaces, viewer, { id: input.spaceId }, 'FOR SHARE');
      if (space.archivedAt) throw forbidden('This space is archived');
      if (space.banned) throw forbidden('You are banned from this space');
      const accepting = input.acceptGuidelines === true;
      if (space.guidelines !== null && !accepting && !space.membership?.guidelinesAcceptedAt) {
        throw badInput('This space has guidelines: read them and join with acceptGuidelines: true', {
          field: 'acceptGuidelines',
        });
      }
      const current = await this.memberships.find(space.id, principal.userId);
      if (current) {
        if (accepting) await this.memberships.acceptGuidelines(space.id, principal.userId);
        return toMembershipReply((await this.memberships.find(space.id, principal.userId))!);
      }
      return toMembershipReply(
        await this.memberships.add({
          spaceId: space.id,
          userId: principal.userId,
          role: 'MEMBER',
          status: statusOnJoin(viewer, space),
          guidelinesAccepted: accepting,
        }),
      );
    });
  }
}

function statusOnJoin(viewer: Viewer, space: SpaceRecord): MembershipStatus {
  if (viewer.staff || space.joinPolicy === 'OPEN') return 'ACTIVE';
  if (space.joinPolicy === 'APPROVAL') return 'PENDING';
  // Only staff and members see an INVITE space, and members are already in it.
  throw forbidden('This space is by invitation only');
}
