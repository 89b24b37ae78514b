import { identity, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { idOf } from '../common/global-id';
import { CreateInvitationInput } from './create-invitation.input';
import { InvitationModel } from './invitation.model';

@Resolver(() => InvitationModel)
export class InvitationsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => InvitationModel, { description: 'Platform admins and community managers.' })
  async createInvitation(@Args('input') input: CreateInvitationInput, @CurrentPrincipal() principal: Principal) {
    const spaceIds = (input.spaceIds ?? []).map((id) => idOf('Space', id));
    return InvitationModel.from(
      await this.client.call(identity.createInvitation, { email: input.email, kind: input.kind, spaceIds }, principal),
    );
  }
}
