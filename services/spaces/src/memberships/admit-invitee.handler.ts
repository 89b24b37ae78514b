import { identityEvents, type EventEnvelope } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

  async handle(invitation: InvitationAccepted, _envelope: EventEnvelope, tx: EntityManager): Promise<void> {
    if (invitation.spaceIds.length === 0) return;
    const spaces: Array<{ id: string; audience: string }> = await tx.query(
      `SELECT s.id, s.audience FROM spaces.spaces s
       WHERE s.id = ANY($1::uuid[]) AND s.archived_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM spaces.bans b WHERE b.space_id = s.id AND b.user_id = $2)`,
      [invitation.spaceIds, invitation.userId],
    );
    const memberships = this.memberships.in(tx);
    for (const space of spaces) {
      if (space.audience === 'INTERNAL' && invitation.kind !== 'EMPLOYEE') {
        this.logger.warn({ msg: 'not adding a customer to an internal space named in their invitation', spaceId: space.id, userId: invitation.userId });
        continue;
      }
      await memberships.add({ spaceId: space.id, userId: invitation.userId, role: 'MEMBER', status: 'ACTIVE', guidelinesAccepted: false });
    }
  }
}
