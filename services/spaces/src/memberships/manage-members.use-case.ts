import type { MembershipReply, Principal, SpaceRole, UserPrincipal } from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, badInput, conflict, forbidden, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { accessOf } from '../access/space-access';
import { viewerOf, type Viewer } from '../access/viewer';
import { FindSpacesUseCase } from '../spaces/find-spaces.use-case';
import { accessFactsOf, type SpaceRow } from '../spaces/space-row';
import { MemberKinds } from './member-kinds';
import { MembershipsRepository } from './memberships.repository';

interface Acting {
  principal: UserPrincipal;
  viewer: Viewer;
  space: SpaceRow;
}

/**
 * What space moderators do to other members: approve requests, invite, remove and ban. Changing
 * roles is for owners. Platform admins and community managers may do all of it everywhere.
 */
@Injectable()
export class ManageMembersUseCase {
  constructor(
    private readonly database: Database,
    private readonly memberships: MembershipsRepository,
    private readonly find: FindSpacesUseCase,
    private readonly memberKinds: MemberKinds,
  ) {}

  async approve(input: { spaceId: string; userId: string }, principal: Principal): Promise<MembershipReply> {
    const { space } = await this.asModerator(input.spaceId, principal);
    const request = await this.memberships.find(space.id, input.userId);
    if (!request) throw notFound('Join request');
    if (request.status === 'ACTIVE') return request;
    await this.assertInAudience(space, input.userId, principal);
    return (await this.memberships.update(space.id, input.userId, { status: 'ACTIVE' }))!;
  }

  /** Adds someone directly; it also approves a pending request. */
  async invite(input: { spaceId: string; userId: string }, principal: Principal): Promise<MembershipReply> {
    const { space } = await this.asModerator(input.spaceId, principal);
    await this.assertInAudience(space, input.userId, principal);
    if (await this.memberships.isBanned(space.id, input.userId))
      throw conflict('This user is banned from the space; lift the ban first', { field: 'userId' });
    const current = await this.memberships.find(space.id, input.userId);
    if (current?.status === 'ACTIVE') return current;
    if (current) return (await this.memberships.update(space.id, input.userId, { status: 'ACTIVE' }))!;
    return this.memberships.add({
      spaceId: space.id,
      userId: input.userId,
      role: 'MEMBER',
      status: 'ACTIVE',
      guidelinesAccepted: false,
    });
  }

  async setRole(
    input: { spaceId: string; userId: string; role: SpaceRole },
    principal: Principal,
  ): Promise<MembershipReply> {
    const { space, viewer } = await this.asModerator(input.spaceId, principal);
    if (!isOwner(viewer, space)) throw forbidden('Only the owners of a space change roles');
    return this.database.transaction(async () => {
      const owners = await this.memberships.lockOwners(space.id);
      const current = await this.memberships.find(space.id, input.userId, true);
      if (!current || current.status !== 'ACTIVE') throw notFound('Membership');
      if (current.role === 'OWNER' && input.role !== 'OWNER' && owners.length === 1) {
        throw conflict('This is the last owner of the space: make someone else an owner first', { field: 'role' });
      }
      return (await this.memberships.update(space.id, input.userId, { role: input.role }))!;
    });
  }

  async remove(input: { spaceId: string; userId: string }, principal: Principal): Promise<boolean> {
    const acting = await this.asModerator(input.spaceId, principal);
    return this.database.transaction(async () => {
      await this.assertMayRemove(acting, input.userId);
      return this.memberships.remove(acting.space.id, input.userId);
    });
  }

  /** Removes the member (if they are one) and keeps them from joining again. */
  async ban(input: { spaceId: string; userId: string; reason?: string }, principal: Principal): Promise<boolean> {
    const acting = await this.asModerator(input.spaceId, principal);
    if (input.userId === acting.principal.userId) throw badInput('You cannot ban yourself', { field: 'userId' });
    await this.memberKinds.of(input.userId, principal);
    await this.database.transaction(async () => {
      await this.assertMayRemove(acting, input.userId);
      await this.memberships.remove(acting.space.id, input.userId);
      await this.memberships.ban(acting.space.id, input.userId, acting.principal.userId, input.reason ?? null);
    });
    return true;
  }

  async unban(input: { spaceId: string; userId: string }, principal: Principal): Promise<boolean> {
    const { space } = await this.asModerator(input.spaceId, principal);
    return this.memberships.unban(space.id, input.userId);
  }

  private async asModerator(spaceId: string, principal: Principal): Promise<Acting> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    const space = await this.find.visibleOrNotFound(viewer, { id: spaceId });
    if (!accessOf(viewer, accessFactsOf(space)).moderate)
      throw forbidden('Only the moderators of a space manage its members');
    return { principal, viewer, space };
  }

  /** Customers never join INTERNAL spaces, whoever adds them. */
  private async assertInAudience(space: SpaceRow, userId: string, principal: Principal) {
    const kind = await this.memberKinds.of(userId, principal);
    if (space.audience === 'INTERNAL' && kind !== 'EMPLOYEE')
      throw badInput('Customers cannot join internal spaces', { field: 'userId' });
  }

  /** Owners are removed only by owners (or staff), and never the last one. */
  private async assertMayRemove({ space, viewer }: Acting, userId: string) {
    const owners = await this.memberships.lockOwners(space.id);
    if (!owners.includes(userId)) return;
    if (!isOwner(viewer, space)) throw forbidden('Only owners remove or ban an owner');
    if (owners.length === 1)
      throw conflict('This is the last owner of the space: make someone else an owner first', { field: 'userId' });
  }
}

function isOwner(viewer: Viewer, space: SpaceRow): boolean {
  return viewer.staff || (space.role === 'OWNER' && space.status === 'ACTIVE');
}
