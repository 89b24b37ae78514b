import type { Principal, UserPrincipal } from '@kern/contracts';
import { assertCanWrite, badInput, conflict, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { accessOf } from '../access/space-access';
import { viewerOf, type Viewer } from '../access/viewer';
import { actsAsOwner } from '../spaces/space-owner';
import type { SpaceRecord } from '../spaces/space.record';
import { SpacesRepository } from '../spaces/spaces.repository';
import { accessFactsOf } from '../spaces/spaces.mapper';
import { visibleSpaceOrNotFound } from '../spaces/visible-space';
import { MemberKinds } from './member-kinds';
import { MembershipsRepository } from './memberships.repository';

/** A moderator at work in a space they moderate. */
export interface Acting {
  principal: UserPrincipal;
  viewer: Viewer;
  space: SpaceRecord;
}

/**
 * The checks every use case of a space's moderators shares: approving, inviting, changing roles,
 * removing and banning. Platform admins and community managers moderate every space.
 */
@Injectable()
export class ModeratorChecks {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly memberKinds: MemberKinds,
  ) {}

  async asModerator(spaceId: string, principal: Principal): Promise<Acting> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    const space = await visibleSpaceOrNotFound(this.spaces, viewer, { id: spaceId });
    if (!accessOf(viewer, accessFactsOf(space)).moderate)
      throw forbidden('Only the moderators of a space manage its members');
    return { principal, viewer, space };
  }

  /** Customers never join INTERNAL spaces, whoever adds them. */
  async assertInAudience(space: SpaceRecord, userId: string, principal: Principal) {
    const kind = await this.memberKinds.of(userId, principal);
    if (space.audience === 'INTERNAL' && kind !== 'EMPLOYEE')
      throw badInput('Customers cannot join internal spaces', { field: 'userId' });
  }

  /** Owners are removed only by owners (or staff), and never the last one. Locks the owners: call it in the transaction. */
  async assertMayRemove({ space, viewer }: Acting, userId: string) {
    const owners = await this.memberships.lockOwners(space.id);
    if (!owners.includes(userId)) return;
    if (!actsAsOwner(viewer, space)) throw forbidden('Only owners remove or ban an owner');
    if (owners.length === 1)
      throw conflict('This is the last owner of the space: make someone else an owner first', { field: 'userId' });
  }
}
