import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { CreateInvitationUseCase } from './create-invitation.use-case';

@Controller()
export class InvitationsController {
  constructor(private readonly createInvitation: CreateInvitationUseCase) {}

  @Handles(identity.createInvitation)
  create(@Envelope(identity.createInvitation) request: Request<typeof identity.createInvitation>) {
    return this.createInvitation.execute(request.payload, request.principal);
  }
}
