import { type MembershipReply, type Principal, type RequestOf, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { conflict, forbidden, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { actsAsOwner } from '../spaces/space-owner';
import { MembershipsRepository } from './memberships.repository';
import { toMembershipReply } from './memberships.mapper';
import { ModeratorChecks } from './moderator-checks';

/** Owners (and staff) make members moderators or owners, and back; the last owner stays one. */
@Injectable()
export class SetMemberRoleUseCase {
  constructor(
    private readonly database: Database,
    private readonly memberships: MembershipsRepository,
    private readonly moderators: ModeratorChecks,
  ) {}

  async execute(input: RequestOf<typeof spaces.setMemberRole>, principal: Principal): Promise<MembershipReply> {
    const { space, viewer } = await this.moderators.asModerator(input.spaceId, principal);
    if (!actsAsOwner(viewer, space)) throw forbidden('Only the owners of a space change roles');
    return this.database.transaction(async () => {
      const owners = await this.memberships.lockOwners(space.id);
      const current = await this.memberships.find(space.id, input.userId, true);
      if (!current || current.status !== 'ACTIVE') throw notFound('Membership');
      if (current.role === 'OWNER' && input.role !== 'OWNER' && owners.length === 1) {
        throw conflict('This is the last owner of the space: make someone else an owner first', { field: 'role' });
      }
      return toMembershipReply((await this.memberships.update(space.id, input.userId, { role: input.role }))!);
    });
  }
}
