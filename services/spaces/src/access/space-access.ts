import type {
  Audience,
  JoinPolicy,
  PostDenial,
  SpaceAccess,
  SpacePurpose,
  SpaceRole,
  MembershipStatus,
} from '@kern/contracts';
import type { Viewer } from './viewer';

/** What access is decided from: a space the viewer can see, and the viewer's standing in it. */
export interface AccessFacts {
  spaceId: string;
  audience: Audience;
  joinPolicy: JoinPolicy;
  purpose: SpacePurpose;
  hasGuidelines: boolean;
  archived: boolean;
  membership: { role: SpaceRole; status: MembershipStatus; guidelinesAccepted: boolean } | null;
  banned: boolean;
}

/**
 * Read, post and moderate rights in a space the viewer can see (visibility itself is
 * `VISIBLE_TO_VIEWER`). OPEN spaces are read by everyone who sees them and, as on a forum, posted in
 * by everyone in the audience; APPROVAL and INVITE spaces by active members. Guidelines must be
 * accepted, by joining, before a first post.
 */
export function accessOf(viewer: Viewer, space: AccessFacts): SpaceAccess {
  const active = space.membership?.status === 'ACTIVE';
  const read = viewer.staff || space.joinPolicy === 'OPEN' || active;
  const moderate = viewer.staff || (active && space.membership?.role !== 'MEMBER');
  const postDenial = whyNotPost(viewer, space, read, active);
  return {
    spaceId: space.spaceId,
    audience: space.audience,
    purpose: space.purpose,
    read,
    post: postDenial === null,
    postDenial,
    moderate,
  };
}

function whyNotPost(viewer: Viewer, space: AccessFacts, read: boolean, active: boolean): PostDenial | null {
  if (viewer.userId === null) return 'UNAUTHENTICATED';
  if (!viewer.canWrite) return 'READ_ONLY_CREDENTIAL';
  if (!viewer.emailVerified) return 'EMAIL_UNVERIFIED';
  if (space.archived) return 'ARCHIVED';
  if (space.banned) return 'BANNED';
  if (!read) return 'NOT_A_MEMBER';
  if (space.hasGuidelines && !viewer.staff && !(active && space.membership?.guidelinesAccepted))
    return 'GUIDELINES_NOT_ACCEPTED';
  return null;
}
