import type { MembershipStatus, SpaceRole } from '@kern/contracts';

export interface MembershipRecord {
  spaceId: string;
  userId: string;
  role: SpaceRole;
  status: MembershipStatus;
  joinedAt: Date;
  guidelinesAcceptedAt: Date | null;
}
