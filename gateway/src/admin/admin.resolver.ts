import { identity, MemberKind, PlatformRole, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { toConnection } from '../common/connection';
import { pageSize } from '../common/connection-args';
import { idOf } from '../common/global-id';
import { UserModel } from '../users/user.model';
import { AuditEventConnectionModel, AuditEventModel } from './audit-event.model';

/** Platform admins only (the identity service checks). */
@Resolver()
export class AdminResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => UserModel, {
    description: "Changes someone's kind at once: their sessions end and their refresh tokens are revoked.",
  })
  async setUserKind(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('kind', { type: () => MemberKind.enum }) kind: MemberKind,
    @CurrentPrincipal() principal: Principal,
  ) {
    return UserModel.from(
      await this.client.call(identity.setUserKind, { userId: idOf('User', userId), kind }, principal),
    );
  }

  @Mutation(() => UserModel)
  async grantRole(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => PlatformRole.enum }) role: PlatformRole,
    @CurrentPrincipal() principal: Principal,
  ) {
    return UserModel.from(
      await this.client.call(identity.grantRole, { userId: idOf('User', userId), role }, principal),
    );
  }

  @Mutation(() => UserModel, {
    description: 'Takes a platform role away; the access tokens that carried it stop working.',
  })
  async revokeRole(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => PlatformRole.enum }) role: PlatformRole,
    @CurrentPrincipal() principal: Principal,
  ) {
    return UserModel.from(
      await this.client.call(identity.revokeRole, { userId: idOf('User', userId), role }, principal),
    );
  }

  @Mutation(() => UserModel, {
    description: 'No sign-in, refresh or API token use until lifted; current sessions end.',
  })
  async suspendUser(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return UserModel.from(
      await this.client.call(identity.suspendUser, { userId: idOf('User', userId), reason }, principal),
    );
  }

  @Mutation(() => UserModel)
  async unsuspendUser(@Args('userId', { type: () => ID }) userId: string, @CurrentPrincipal() principal: Principal) {
    return UserModel.from(await this.client.call(identity.unsuspendUser, { userId: idOf('User', userId) }, principal));
  }

  @Mutation(() => String, {
    description:
      'Signs new access tokens with a new key; tokens signed before stay valid until they expire. Returns the new key id.',
  })
  async rotateSigningKey(@CurrentPrincipal() principal: Principal) {
    return (await this.client.call(identity.rotateSigningKey, {}, principal)).kid;
  }

  @Query(() => AuditEventConnectionModel, { description: 'Security events, newest first.' })
  async auditLog(
    @Loaders() loaders: RequestLoaders,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const { events, hasNextPage } = await loaders.reads.call(identity.listAuditEvents, {
      first: pageSize(first),
      ...(after ? { after } : {}),
    });
    return toConnection(events.map(AuditEventModel.from), (event) => event.id, hasNextPage);
  }
}
