import type { Audience, JoinPolicy, SpaceLanguage, SpacePurpose } from '@kern/contracts';
import type { MembershipRecord } from '../memberships/membership.record';

/** A space as the repository finds it for one viewer: the space, and the viewer's standing in it. */
export interface SpaceRecord {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: Audience;
  joinPolicy: JoinPolicy;
  purpose: SpacePurpose;
  language: SpaceLanguage;
  guidelines: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  topicIds: string[];
  memberCount: number;
  /** The viewer's membership, active or pending; null for anonymous viewers and everyone else. */
  membership: Pick<MembershipRecord, 'role' | 'status' | 'joinedAt' | 'guidelinesAcceptedAt'> | null;
  banned: boolean;
}
