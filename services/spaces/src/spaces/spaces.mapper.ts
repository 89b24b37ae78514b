import type { MembershipReply, SpaceReply } from '@kern/contracts';
import { accessOf, type AccessFacts } from '../access/space-access';
import type { Viewer } from '../access/viewer';
import type { SpaceRecord } from './space.record';

export function accessFactsOf(space: SpaceRecord): AccessFacts {
  return {
    spaceId: space.id,
    audience: space.audience,
    joinPolicy: space.joinPolicy,
    purpose: space.purpose,
    hasGuidelines: space.guidelines !== null,
    archived: space.archivedAt !== null,
    membership: space.membership && {
      role: space.membership.role,
      status: space.membership.status,
      guidelinesAccepted: space.membership.guidelinesAcceptedAt !== null,
    },
    banned: space.banned,
  };
}

export function toSpaceReply(space: SpaceRecord, viewer: Viewer): SpaceReply {
  const viewerMembership: MembershipReply | null =
    viewer.userId && space.membership
      ? {
          spaceId: space.id,
          userId: viewer.userId,
          role: space.membership.role,
          status: space.membership.status,
          joinedAt: space.membership.joinedAt.toISOString(),
          guidelinesAcceptedAt: space.membership.guidelinesAcceptedAt?.toISOString() ?? null,
        }
      : null;
  return {
    id: space.id,
    slug: space.slug,
    name: space.name,
    description: space.description,
    audience: space.audience,
    joinPolicy: space.joinPolicy,
    purpose: space.purpose,
    language: space.language,
    guidelines: space.guidelines,
    topicIds: space.topicIds,
    memberCount: space.memberCount,
    archivedAt: space.archivedAt?.toISOString() ?? null,
    createdAt: space.createdAt.toISOString(),
    viewerMembership,
    viewerAccess: accessOf(viewer, accessFactsOf(space)),
  };
}
