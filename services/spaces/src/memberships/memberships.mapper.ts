import type { MembershipReply } from '@kern/contracts';
import type { MembershipRecord } from './membership.record';

export function toMembershipReply(membership: MembershipRecord): MembershipReply {
  return {
    spaceId: membership.spaceId,
    userId: membership.userId,
    role: membership.role,
    status: membership.status,
    joinedAt: membership.joinedAt.toISOString(),
    guidelinesAcceptedAt: membership.guidelinesAcceptedAt?.toISOString() ?? null,
  };
}
