import { z } from 'zod';
import { durableEvent } from './event';
import { TopicSlug } from './expertise.contract';
import { healthRpc } from './health';
import { PlatformRole } from './principal';
import { rpc } from './rpc';
import { visibleText } from './visible-text';

export const Audience = z.enum(['INTERNAL', 'EXTERNAL']);
export type Audience = z.infer<typeof Audience>;
export const JoinPolicy = z.enum(['OPEN', 'APPROVAL', 'INVITE']);
export type JoinPolicy = z.infer<typeof JoinPolicy>;
/** Sets defaults (the kind of thread offered first, who starts threads), not hard limits. */
export const SpacePurpose = z.enum(['SERVICE', 'PRACTICE', 'ANNOUNCEMENTS']);
export type SpacePurpose = z.infer<typeof SpacePurpose>;
/** What a space is written in: search stems its words in this language. */
export const SpaceLanguage = z.enum(['en', 'nl']);
export type SpaceLanguage = z.infer<typeof SpaceLanguage>;
export const SpaceRole = z.enum(['OWNER', 'MODERATOR', 'MEMBER']);
export type SpaceRole = z.infer<typeof SpaceRole>;
export const MembershipStatus = z.enum(['ACTIVE', 'PENDING']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const SpaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be letters and digits separated by single hyphens')
  .min(2, 'must be at least 2 characters')
  .max(64, 'must be at most 64 characters');
const SpaceName = visibleText({ min: 1, max: 100 });
const Description = visibleText({ max: 2000 });
const Guidelines = visibleText({ max: 20_000, maxUnits: 80_000 });
const Topics = z.array(TopicSlug).min(1, 'must name at least one topic').max(20, 'must name at most 20 topics');
const SpaceId = z.object({ spaceId: z.uuid() });
const Member = SpaceId.extend({ userId: z.uuid() });
const Page = { first: z.number().int().min(1).max(100), after: z.string().max(200).optional() };

export interface MembershipReply {
  spaceId: string;
  userId: string;
  role: SpaceRole;
  status: MembershipStatus;
  joinedAt: string;
  guidelinesAcceptedAt: string | null;
}

/** Why a principal may not post in a space; the threads service turns it into its error. */
export type PostDenial =
  | 'UNAUTHENTICATED'
  | 'READ_ONLY_CREDENTIAL'
  | 'EMAIL_UNVERIFIED'
  | 'ARCHIVED'
  | 'BANNED'
  | 'NOT_A_MEMBER'
  | 'GUIDELINES_NOT_ACCEPTED';

/** What a principal may do in one space it can see. A space it cannot see has no access entry at all. */
export interface SpaceAccess {
  spaceId: string;
  audience: Audience;
  purpose: SpacePurpose;
  /** Read its threads and posts. */
  read: boolean;
  /** Start threads and reply, unless `postDenial` says why not. */
  post: boolean;
  postDenial: PostDenial | null;
  /** Space owners and moderators, and platform admins and community managers. */
  moderate: boolean;
}

export interface SpaceReply {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: Audience;
  joinPolicy: JoinPolicy;
  purpose: SpacePurpose;
  language: SpaceLanguage;
  guidelines: string | null;
  topicIds: string[];
  memberCount: number;
  archivedAt: string | null;
  createdAt: string;
  viewerMembership: MembershipReply | null;
  viewerAccess: SpaceAccess;
}

export const spaces = {
  health: healthRpc('spaces'),
  createSpace: rpc<SpaceReply>()(
    'spaces.space.create',
    z.object({
      slug: SpaceSlug,
      name: SpaceName,
      description: Description,
      audience: Audience,
      joinPolicy: JoinPolicy,
      purpose: SpacePurpose.optional(),
      language: SpaceLanguage.optional(),
      topics: Topics,
      guidelines: Guidelines.nullish(),
    }),
  ),
  updateSpace: rpc<SpaceReply>()(
    'spaces.space.update',
    SpaceId.extend({
      name: SpaceName.optional(),
      description: Description.optional(),
      audience: Audience.optional(),
      joinPolicy: JoinPolicy.optional(),
      purpose: SpacePurpose.optional(),
      language: SpaceLanguage.optional(),
      topics: Topics.optional(),
      /** Null removes the guidelines. */
      guidelines: Guidelines.nullish(),
      /** INTERNAL -> EXTERNAL publishes everything in the space, so it must be confirmed. */
      confirmPublish: z.boolean().optional(),
    }),
  ),
  archiveSpace: rpc<SpaceReply>()('spaces.space.archive', SpaceId.extend({ archived: z.boolean() })),
  getSpace: rpc<SpaceReply>()(
    'spaces.space.get',
    z.union([
      z.object({ id: z.uuid() }).strict(),
      z.object({ slug: z.string().trim().toLowerCase().min(1).max(64) }).strict(),
    ]),
  ),
  /** Only the spaces the principal may see; the others are left out, as if they did not exist. */
  getSpaces: rpc<{ spaces: SpaceReply[] }>()(
    'spaces.space.get-many',
    z.object({ ids: z.array(z.uuid()).max(100) }).strict(),
  ),
  listSpaces: rpc<{ spaces: SpaceReply[]; hasNextPage: boolean }>()(
    'spaces.space.list',
    z.object({
      /** A topic slug; spaces about any of its sub-topics count too. */
      topic: TopicSlug.optional(),
      audience: Audience.optional(),
      /** Only spaces the principal is a member of (active or pending), archived ones included. */
      mine: z.boolean().optional(),
      ...Page,
    }),
  ),
  /** Spaces the principal may join, best match with their skills first. */
  recommendSpaces: rpc<{ spaces: SpaceReply[] }>()(
    'spaces.space.recommend',
    z.object({ first: z.number().int().min(1).max(50) }).strict(),
  ),
  join: rpc<MembershipReply>()('spaces.membership.join', SpaceId.extend({ acceptGuidelines: z.boolean().optional() })),
  leave: rpc<{ left: boolean }>()('spaces.membership.leave', SpaceId),
  approveMember: rpc<MembershipReply>()('spaces.membership.approve', Member),
  inviteMember: rpc<MembershipReply>()('spaces.membership.invite', Member),
  setMemberRole: rpc<MembershipReply>()('spaces.membership.set-role', Member.extend({ role: SpaceRole })),
  removeMember: rpc<{ removed: boolean }>()('spaces.membership.remove', Member),
  banMember: rpc<{ banned: boolean }>()(
    'spaces.membership.ban',
    Member.extend({ reason: visibleText({ max: 500 }).optional() }),
  ),
  unbanMember: rpc<{ unbanned: boolean }>()('spaces.membership.unban', Member),
  /** Every active member's id, for a moderator's insights. */
  memberIds: rpc<{ userIds: string[] }>()('spaces.membership.ids', SpaceId.strict()),
  listMembers: rpc<{ memberships: MembershipReply[]; hasNextPage: boolean }>()(
    'spaces.membership.list',
    SpaceId.extend({ status: MembershipStatus.optional(), ...Page }),
  ),
  /**
   * The boundary question the other services ask on every request: "may this principal read / post
   * in these spaces?" Spaces the principal may not see are absent from the answer.
   */
  checkAccess: rpc<{ access: SpaceAccess[] }>()(
    'spaces.access.check',
    z.object({ spaceIds: z.array(z.uuid()).min(1).max(100) }).strict(),
  ),
  /**
   * Which of these users may read the space's content right now, for a service delivering to many
   * people (notification fan-out), with each one's kind and platform roles (the spaces service decides
   * from them who is staff, as it does for a principal). Not exposed by the gateway.
   */
  readers: rpc<{ userIds: string[] }>()(
    'spaces.access.readers',
    z
      .object({
        spaceId: z.uuid(),
        users: z
          .array(
            z.object({
              userId: z.uuid(),
              kind: z.enum(['EMPLOYEE', 'CUSTOMER']),
              roles: z.array(PlatformRole).optional(),
              /** Deprecated: send `roles` and let the spaces service decide who is staff. */
              staff: z.boolean().optional(),
            }),
          )
          .max(1000),
      })
      .strict(),
  ),
  /** Every space whose content the principal may read, for queries across spaces (search, feeds). */
  readableSpaces: rpc<{ spaceIds: string[] }>()('spaces.access.readable', z.object({}).strict()),
} as const;

export const spacesEvents = {
  /** A space is now written in another language: its posts are stemmed again for search. */
  languageChanged: durableEvent(
    'spaces.space.language-changed',
    1,
    z.object({ spaceId: z.uuid(), language: SpaceLanguage }),
  ),
} as const;
