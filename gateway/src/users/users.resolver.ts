import { isAuthenticated, identity, type Principal } from '@kern/contracts';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { UserModel } from './user.model';

@Resolver(() => UserModel)
export class UsersResolver {
  @Query(() => UserModel, { nullable: true, description: 'The signed-in user; null for anonymous readers.' })
  async me(@CurrentPrincipal() principal: Principal, @Loaders() loaders: RequestLoaders) {
    if (!isAuthenticated(principal)) return null;
    return UserModel.from(await loaders.reads.call(identity.getUser, { id: principal.userId }));
  }

  @Query(() => UserModel, { nullable: true })
  async user(@Args('handle') handle: string, @Loaders() loaders: RequestLoaders) {
    return UserModel.from(await loaders.reads.call(identity.getUser, { handle }));
  }
}
