import { identity, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ClientAddress, CurrentPrincipal } from '../auth/current-principal.decorator';
import { AuthPayloadModel } from './auth-payload.model';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';

@Resolver()
export class SessionsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => AuthPayloadModel, {
    description:
      'Answers alike whether or not the address has an account: a session for a new account whose address is unconfirmed ' +
      '(the confirmation link, or a word to the existing owner, goes to the mailbox). A password signs in once the address is confirmed; ' +
      'with a valid invitationToken at once.',
  })
  async register(
    @Args('input') input: RegisterInput,
    @CurrentPrincipal() principal: Principal,
    @ClientAddress() clientAddress?: string,
  ) {
    const { invitationToken, ...account } = input;
    const payload = { ...account, clientAddress, ...(invitationToken == null ? {} : { invitationToken }) };
    return AuthPayloadModel.from(await this.client.call(identity.register, payload, principal));
  }

  @Mutation(() => AuthPayloadModel)
  async login(
    @Args('input') input: LoginInput,
    @CurrentPrincipal() principal: Principal,
    @ClientAddress() clientAddress?: string,
  ) {
    return AuthPayloadModel.from(await this.client.call(identity.login, { ...input, clientAddress }, principal));
  }

  @Mutation(() => AuthPayloadModel, {
    description:
      'Rotates the refresh token: the one given is used up. Presented again within a short grace period, while its successor is unused, ' +
      'it answers with the same successor (a lost response); any other reuse ends the session.',
  })
  async refreshSession(
    @Args('refreshToken') refreshToken: string,
    @CurrentPrincipal() principal: Principal,
    @ClientAddress() clientAddress?: string,
  ) {
    return AuthPayloadModel.from(
      await this.client.call(identity.refreshSession, { refreshToken, clientAddress }, principal),
    );
  }

  @Mutation(() => Boolean, {
    description: 'Ends the session of this refresh token. False when it was unknown or already ended.',
  })
  async logout(@Args('refreshToken') refreshToken: string, @CurrentPrincipal() principal: Principal) {
    return (await this.client.call(identity.logout, { refreshToken }, principal)).revoked;
  }
}
