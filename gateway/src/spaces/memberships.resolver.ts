import { SpaceRole, spaces, type Principal } from '@kern/contracts';
import { notFound, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { idOf } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { loadUser } from '../users/user.loader';
import { UserModel } from '../users/user.model';
import { MembershipModel } from './membership.model';
import { SpaceModel } from './space.model';

const member = (spaceId: string, userId: string) => ({ spaceId: idOf('Space', spaceId), userId: idOf('User', userId) });

@Resolver(() => MembershipModel)
export class MembershipsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => MembershipModel, {
    description:
      'OPEN spaces: ACTIVE at once; APPROVAL spaces: a PENDING request. Spaces with guidelines need acceptGuidelines: true.',
  })
  async joinSpace(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('acceptGuidelines', { type: () => Boolean, nullable: true }) acceptGuidelines?: boolean,
  ) {
    const input = { spaceId: idOf('Space', spaceId), ...(acceptGuidelines != null ? { acceptGuidelines } : {}) };
    return MembershipModel.from(await this.client.call(spaces.join, input, principal));
  }

  @Mutation(() => Boolean, {
    description: 'Leaves the space or withdraws a join request. The last owner cannot leave.',
  })
  async leaveSpace(@Args('spaceId', { type: () => ID }) spaceId: string, @CurrentPrincipal() principal: Principal) {
    return (await this.client.call(spaces.leave, { spaceId: idOf('Space', spaceId) }, principal)).left;
  }

  @Mutation(() => MembershipModel, { description: 'Space moderators accept a PENDING request.' })
  async approveMember(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return MembershipModel.from(await this.client.call(spaces.approveMember, member(spaceId, userId), principal));
  }

  @Mutation(() => MembershipModel, {
    description: 'Space moderators add someone (from the audience) as an ACTIVE member.',
  })
  async inviteMember(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return MembershipModel.from(await this.client.call(spaces.inviteMember, member(spaceId, userId), principal));
  }

  @Mutation(() => MembershipModel, {
    description: 'Space owners; the last owner keeps the role until there is another.',
  })
  async setMemberRole(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => SpaceRole.enum }) role: SpaceRole,
    @CurrentPrincipal() principal: Principal,
  ) {
    return MembershipModel.from(
      await this.client.call(spaces.setMemberRole, { ...member(spaceId, userId), role }, principal),
    );
  }

  @Mutation(() => Boolean, {
    description: 'Space moderators remove a member or decline a request; only owners remove owners.',
  })
  async removeMember(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.client.call(spaces.removeMember, member(spaceId, userId), principal)).removed;
  }

  @Mutation(() => Boolean, { description: 'Space moderators remove someone and keep them from joining again.' })
  async banMember(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ) {
    return (
      await this.client.call(
        spaces.banMember,
        { ...member(spaceId, userId), ...(reason != null ? { reason } : {}) },
        principal,
      )
    ).banned;
  }

  @Mutation(() => Boolean, { description: 'Space moderators lift a ban; the user may then join again.' })
  async unbanMember(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.client.call(spaces.unbanMember, member(spaceId, userId), principal)).unbanned;
  }

  @ResolveField(() => SpaceModel)
  async space(@Parent() membership: MembershipModel, @Loaders() loaders: RequestLoaders) {
    const space = await loaders.spaces.load(membership.spaceId);
    if (!space) throw notFound('Space');
    return SpaceModel.from(space);
  }

  @ResolveField(() => UserModel)
  async user(@Parent() membership: MembershipModel, @Loaders() loaders: RequestLoaders) {
    return loadUser(loaders, membership.userId);
  }
}
