import type {
  Audience,
  JoinPolicy,
  MembershipReply,
  MembershipStatus,
  SpaceLanguage,
  SpacePurpose,
  SpaceReply,
  SpaceRole,
} from '@kern/contracts';
import { accessOf, type AccessFacts } from '../access/space-access';
import type { Viewer } from '../access/viewer';

/** A space as the repository finds it for one viewer: the space, and the viewer's standing in it. */
export interface SpaceRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: Audience;
  join_policy: JoinPolicy;
  purpose: SpacePurpose;
  language: SpaceLanguage;
  guidelines: string | null;
  archived_at: Date | null;
  created_at: Date;
  topic_ids: string[];
  member_count: number;
  role: SpaceRole | null;
  status: MembershipStatus | null;
  joined_at: Date | null;
  guidelines_accepted_at: Date | null;
  banned: boolean;
}

export function accessFactsOf(row: SpaceRow): AccessFacts {
  return {
    spaceId: row.id,
    audience: row.audience,
    joinPolicy: row.join_policy,
    purpose: row.purpose,
    hasGuidelines: row.guidelines !== null,
    archived: row.archived_at !== null,
    membership:
      row.role && row.status
        ? { role: row.role, status: row.status, guidelinesAccepted: row.guidelines_accepted_at !== null }
        : null,
    banned: row.banned,
  };
}

export function toSpaceReply(row: SpaceRow, viewer: Viewer): SpaceReply {
  const viewerMembership: MembershipReply | null =
    viewer.userId && row.role && row.status && row.joined_at
      ? {
          spaceId: row.id,
          userId: viewer.userId,
          role: row.role,
          status: row.status,
          joinedAt: row.joined_at.toISOString(),
          guidelinesAcceptedAt: row.guidelines_accepted_at?.toISOString() ?? null,
        }
      : null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    audience: row.audience,
    joinPolicy: row.join_policy,
    purpose: row.purpose,
    language: row.language,
    guidelines: row.guidelines,
    topicIds: row.topic_ids,
    memberCount: row.member_count,
    archivedAt: row.archived_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    viewerMembership,
    viewerAccess: accessOf(viewer, accessFactsOf(row)),
  };
}
