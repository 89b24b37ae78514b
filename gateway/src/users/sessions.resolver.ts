import { identity, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { AuthPayloadModel } from './auth-payload.model';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';

@Resolver()
export class SessionsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => AuthPayloadModel)
  async register(@Args('input') input: RegisterInput, @CurrentPrincipal() principal: Principal) {
    const { invitationToken, ...account } = input;
    const payload = invitationToken == null ? account : { ...account, invitationToken };
    return AuthPayloadModel.from(await this.client.call(identity.register, payload, principal));
  }

  @Mutation(() => AuthPayloadModel)
  async login(@Args('input') input: LoginInput, @CurrentPrincipal() principal: Principal) {
    return AuthPayloadModel.from(await this.client.call(identity.login, { ...input }, principal));
  }
}
