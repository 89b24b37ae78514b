import { identity, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UserModel } from './user.model';

@Resolver()
export class EmailVerificationResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => UserModel, {
    description: 'Confirms ownership of an e-mail address; on an employee domain this makes the account an EMPLOYEE.',
  })
  async verifyEmail(@Args('token') token: string, @CurrentPrincipal() principal: Principal) {
    return UserModel.from(await this.client.call(identity.verifyEmail, { token }, principal));
  }

  @Mutation(() => Boolean, {
    description: 'Sends the signed-in user a new verification link; false when the address is already verified.',
  })
  async resendVerificationEmail(@CurrentPrincipal() principal: Principal) {
    return (await this.client.call(identity.resendVerification, {}, principal)).sent;
  }
}
