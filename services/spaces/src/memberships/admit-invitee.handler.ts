import { identityEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { MembershipsRepository } from './memberships.repository';

type InvitationAccepted = z.output<typeof identityEvents.invitationAccepted.payload>;

/**
 * An invitation names the spaces its invitee joins on registering. The inviter (an admin or
 * community manager) vouched for them, so they become active members, within the boundary: a
 * customer is never added to an internal space, and a ban still holds.
 */
@Injectable()
export class AdmitInviteeHandler implements DurableHandler<typeof identityEvents.invitationAccepted> {
  readonly consumer = 'spaces-admit-invitee';
  readonly event = identityEvents.invitationAccepted;
  private readonly logger = new Logger(AdmitInviteeHandler.name);

  constructor(private readonly memberships: MembershipsRepository) {}

  async handle(invitation: InvitationAccepted): Promise<void> {
    if (invitation.spaceIds.length === 0) return;
    for (const space of await this.memberships.spacesOpenTo(invitation.spaceIds, invitation.userId)) {
      if (space.audience === 'INTERNAL' && invitation.kind !== 'EMPLOYEE') {
        this.logger.warn({
          msg: 'not adding a customer to an internal space named in their invitation',
          spaceId: space.id,
          userId: invitation.userId,
        });
        continue;
      }
      await this.memberships.add({
        spaceId: space.id,
        userId: invitation.userId,
        role: 'MEMBER',
        status: 'ACTIVE',
        guidelinesAccepted: false,
      });
    }
  }
}
