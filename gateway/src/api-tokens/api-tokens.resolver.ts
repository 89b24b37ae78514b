import { identity, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { idOf } from '../common/global-id';
import { ApiTokenModel, ApiTokenPayloadModel } from './api-token.model';
import { CreateApiTokenInput } from './create-api-token.input';

@Resolver()
export class ApiTokensResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => [ApiTokenModel], { description: "The signed-in user's active API tokens." })
  async apiTokens(@Loaders() loaders: RequestLoaders) {
    return (await loaders.reads.call(identity.listApiTokens, {})).tokens.map(ApiTokenModel.from);
  }

  @Mutation(() => ApiTokenPayloadModel, {
    description: 'A long-lived token acting as you, limited to its scopes (READ tokens cannot call mutations).',
  })
  async createApiToken(@Args('input') input: CreateApiTokenInput, @CurrentPrincipal() principal: Principal) {
    return ApiTokenPayloadModel.from(await this.client.call(identity.createApiToken, { ...input }, principal));
  }

  @Mutation(() => Boolean, { description: 'Works at once.' })
  async revokeApiToken(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.client.call(identity.revokeApiToken, { id: idOf('ApiToken', id) }, principal)).revoked;
  }
}
