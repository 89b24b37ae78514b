import type { MembershipReply, MembershipStatus, Principal } from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, badInput, conflict, forbidden, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { viewerOf, type Viewer } from '../access/viewer';
import { FindSpacesUseCase } from '../spaces/find-spaces.use-case';
import { SpacesRepository } from '../spaces/spaces.repository';
import type { SpaceRow } from '../spaces/space-row';
import { MembershipsRepository } from './memberships.repository';

/** Joining (or asking to join) and leaving, by the member themself. */
@Injectable()
export class JoinSpaceUseCase {
  constructor(
    private readonly database: Database,
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly find: FindSpacesUseCase,
  ) {}

  /** OPEN spaces take the viewer at once, APPROVAL spaces record a request, INVITE spaces need an invitation. */
  async join(input: { spaceId: string; acceptGuidelines?: boolean }, principal: Principal): Promise<MembershipReply> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    return this.database.transaction(async () => {
      const space = await this.find.visibleOrNotFound(viewer, { id: input.spaceId }, 'FOR SHARE');
      if (space.archived_at) throw forbidden('This space is archived');
      if (space.banned) throw forbidden('You are banned from this space');
      const accepting = input.acceptGuidelines === true;
      if (space.guidelines !== null && !accepting && !space.guidelines_accepted_at) {
        throw badInput('This space has guidelines: read them and join with acceptGuidelines: true', {
          field: 'acceptGuidelines',
        });
      }
      const current = await this.memberships.find(space.id, principal.userId);
      if (current) {
        if (accepting) await this.memberships.acceptGuidelines(space.id, principal.userId);
        return (await this.memberships.find(space.id, principal.userId))!;
      }
      return this.memberships.add({
        spaceId: space.id,
        userId: principal.userId,
        role: 'MEMBER',
        status: statusOnJoin(viewer, space),
        guidelinesAccepted: accepting,
      });
    });
  }

  /** Leaving, or withdrawing a request. The last owner stays until someone else owns the space. */
  async leave(input: { spaceId: string }, principal: Principal): Promise<boolean> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    const space = await this.find.visibleOrNotFound(viewer, { id: input.spaceId });
    return this.database.transaction(async () => {
      const owners = await this.memberships.lockOwners(space.id);
      const membership = await this.memberships.find(space.id, principal.userId, true);
      if (!membership) throw notFound('Membership');
      if (owners.length === 1 && owners[0] === principal.userId) {
        throw conflict('You are the last owner of this space: make someone else an owner before leaving', {
          field: 'spaceId',
        });
      }
      return this.memberships.remove(space.id, principal.userId);
    });
  }
}

function statusOnJoin(viewer: Viewer, space: SpaceRow): MembershipStatus {
  if (viewer.staff || space.join_policy === 'OPEN') return 'ACTIVE';
  if (space.join_policy === 'APPROVAL') return 'PENDING';
  // Only staff and members see an INVITE space, and members are already in it.
  throw forbidden('This space is by invitation only');
}
