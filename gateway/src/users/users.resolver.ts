import { isAuthenticated, identity, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UserModel } from './user.model';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => UserModel, { nullable: true, description: 'The signed-in user; null for anonymous readers.' })
  async me(@CurrentPrincipal() principal: Principal) {
    if (!isAuthenticated(principal)) return null;
    return UserModel.from(await this.client.call(identity.getUser, { id: principal.userId }, principal));
  }

  @Query(() => UserModel, { nullable: true })
  async user(@Args('handle') handle: string, @CurrentPrincipal() principal: Principal) {
    return UserModel.from(await this.client.call(identity.getUser, { handle }, principal));
  }
}
