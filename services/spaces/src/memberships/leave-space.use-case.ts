import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, conflict, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { viewerOf } from '../access/viewer';
import { SpacesRepository } from '../spaces/spaces.repository';
import { visibleSpaceOrNotFound } from '../spaces/visible-space';
import { MembershipsRepository } from './memberships.repository';

/** Leaving, or withdrawing a request. The last owner stays until someone else owns the space. */
@Injectable()
export class LeaveSpaceUseCase {
  constructor(
    private readonly database: Database,
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async execute(input: RequestOf<typeof spaces.leave>, principal: Principal): Promise<ReplyOf<typeof spaces.leave>> {
    assertCanWrite(principal);
    const space = await visibleSpaceOrNotFound(this.spaces, viewerOf(principal), { id: input.spaceId });
    const left = await this.database.transaction(async () => {
      // Locking the owners keeps two of them from both leaving at once and orphaning the space.
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
    return { left };
  }
}
