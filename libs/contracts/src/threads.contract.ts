import { z } from 'zod';
import { TopicSlug } from './expertise.contract';
import { healthRpc } from './health';
import { durableEvent } from './event';
import { rpc } from './rpc';
import { visibleText } from './visible-text';

export const ThreadKind = z.enum(['QUESTION', 'DISCUSSION', 'ANNOUNCEMENT']);
export type ThreadKind = z.infer<typeof ThreadKind>;
/** INTERNAL: an internal note inside any thread, visible to employees only. */
export const PostVisibility = z.enum(['EVERYONE', 'INTERNAL']);
export type PostVisibility = z.infer<typeof PostVisibility>;
/** WATCHING: every reply; TRACKING: counted as unread; NORMAL: only when mentioned or replied to; MUTED: never. */
export const FollowLevel = z.enum(['WATCHING', 'TRACKING', 'NORMAL', 'MUTED']);
export type FollowLevel = z.infer<typeof FollowLevel>;
/** Threads inherit it: WATCHING watches every thread, WATCHING_FIRST_POST is told of new threads only. */
export const SpaceFollowLevel = z.enum(['WATCHING', 'WATCHING_FIRST_POST', 'NORMAL', 'MUTED']);
export type SpaceFollowLevel = z.infer<typeof SpaceFollowLevel>;
export const PostStatus = z.enum(['VISIBLE', 'PENDING_REVIEW', 'HIDDEN', 'DELETED']);
export type PostStatus = z.infer<typeof PostStatus>;

const Title = visibleText({ min: 3, max: 200, message: 'must be 3-200 characters' });
/** Markdown; four code units a character still hold 50,000 emoji with skin tones. */
const Body = visibleText({ min: 1, max: 50_000, maxUnits: 200_000, message: 'must be 1-50000 characters' });
const Reason = visibleText({ max: 1000 });
const Page = { first: z.number().int().min(1).max(100), after: z.string().max(200).optional() };
const PostId = z.object({ postId: z.uuid() });
const ThreadId = z.object({ threadId: z.uuid() });
/**
 * The leak guard asks an employee to confirm before text that links to, or repeats, internal content
 * is shown to customers (CONFIRMATION_REQUIRED with `details.reason`); this is the confirmation.
 */
const ConfirmPublic = z.boolean().optional();
/** Why the leak guard stopped a post. */
export type LeakReason = 'LINKS_TO_INTERNAL' | 'REPEATS_INTERNAL';

export interface PostReply {
  id: string;
  threadId: string;
  authorId: string;
  /** The thread's own text is its opening post; `posts` lists the replies. */
  opening: boolean;
  /** Empty for a deleted post, except for moderators (for 30 days). */
  body: string;
  bodyHtml: string;
  visibility: PostVisibility;
  status: PostStatus;
  replyToPostId: string | null;
  helpfulCount: number;
  viewerMarkedHelpful: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Where a page that ends with this post continues. */
  cursor: string;
}

export interface ThreadReply {
  id: string;
  spaceId: string;
  authorId: string;
  kind: ThreadKind;
  title: string;
  topicIds: string[];
  openingPost: PostReply;
  createdAt: string;
  /** As the viewer sees it: internal notes move it only for employees. */
  lastActivityAt: string;
  /** Replies the viewer can see. */
  replyCount: number;
  locked: boolean;
  acceptedPostId: string | null;
  /** Whether the viewer moderates the thread's space (for clients: show moderation actions). */
  viewerCanModerate: boolean;
  /** The viewer's own level, or the one inherited from their level for the space; NORMAL otherwise. */
  viewerFollowLevel: FollowLevel;
  /** Replies the viewer has not read, for threads they watch or track; null otherwise. */
  unreadCount: number | null;
}

export const FlagReason = z.enum(['SPAM', 'OFF_TOPIC', 'INAPPROPRIATE', 'OTHER']);
export type FlagReason = z.infer<typeof FlagReason>;
/** DISMISS_FLAGS: "no problem": resolves the open flags and shows a post they had hidden again. */
export const ModerationAction = z.enum(['APPROVE', 'HIDE', 'RESTORE', 'DELETE', 'DISMISS_FLAGS']);
export type ModerationAction = z.infer<typeof ModerationAction>;

export interface ModerationEntryReply {
  /** Null when Kern acted itself (a spam hold, hiding a post many members flagged). */
  moderatorId: string | null;
  action: string;
  reason: string | null;
  at: string;
}

export interface PostEditReply {
  previousBody: string;
  editorId: string;
  editedAt: string;
}

export interface SearchHitReply {
  thread: ThreadReply;
  /** The matching reply; null when the thread itself (its title or text) matched. */
  post: PostReply | null;
  /** Safe HTML: the matching text escaped, its matching words in <mark>. */
  snippet: string;
  /** Where a page that ends with this hit continues. */
  cursor: string;
}

export const threads = {
  health: healthRpc('threads'),
  startThread: rpc<ThreadReply>()(
    'threads.thread.start',
    z.object({
      spaceId: z.uuid(),
      kind: ThreadKind,
      title: Title,
      body: Body,
      topics: z.array(TopicSlug).max(10).optional(),
      confirmPublic: ConfirmPublic,
    }),
  ),
  getThread: rpc<ThreadReply>()('threads.thread.get', z.object({ id: z.uuid() }).strict()),
  /** Only the threads the principal may read; the others are left out, as if they did not exist. */
  getThreads: rpc<{ threads: ThreadReply[] }>()(
    'threads.thread.get-many',
    z.object({ ids: z.array(z.uuid()).max(100) }).strict(),
  ),
  /** Threads bridged to this one, limited to those the principal may read. */
  linkedThreads: rpc<{ threads: ThreadReply[] }>()('threads.thread.linked', ThreadId.strict()),
  /** An employee bridges a (customer's) thread into an INTERNAL space: a new internal thread, linked both ways. */
  escalateThread: rpc<ThreadReply>()('threads.thread.escalate', ThreadId.extend({ spaceId: z.uuid(), note: Body })),
  /** Moderators of both spaces. INTERNAL -> EXTERNAL publishes the thread and must be confirmed. */
  moveThread: rpc<ThreadReply>()(
    'threads.thread.move',
    ThreadId.extend({ spaceId: z.uuid(), confirmPublish: z.boolean().optional() }),
  ),
  /** Newest first. */
  listThreads: rpc<{ threads: ThreadReply[]; hasNextPage: boolean }>()(
    'threads.thread.list',
    z.object({ spaceId: z.uuid(), topic: TopicSlug.optional(), ...Page }),
  ),
  lockThread: rpc<ThreadReply>()('threads.thread.lock', ThreadId.extend({ locked: z.boolean() })),
  acceptAnswer: rpc<ThreadReply>()('threads.thread.accept-answer', PostId),
  reply: rpc<PostReply>()(
    'threads.post.reply',
    ThreadId.extend({
      body: Body,
      visibility: PostVisibility.default('EVERYONE'),
      replyToPostId: z.uuid().optional(),
      confirmPublic: ConfirmPublic,
    }),
  ),
  /** Replies in order of writing. */
  listPosts: rpc<{ posts: PostReply[]; hasNextPage: boolean }>()('threads.post.list', ThreadId.extend(Page)),
  getPosts: rpc<{ posts: PostReply[] }>()(
    'threads.post.get-many',
    z.object({ ids: z.array(z.uuid()).max(100) }).strict(),
  ),
  /** Passes the leak guard and the posting policy like a new post; an edit the spam check holds makes the post PENDING_REVIEW. */
  editPost: rpc<PostReply>()('threads.post.edit', PostId.extend({ body: Body, confirmPublic: ConfirmPublic })),
  deletePost: rpc<PostReply>()('threads.post.delete', PostId),
  /** Earlier versions of a post, newest first: for its author and moderators. */
  postHistory: rpc<{ edits: PostEditReply[] }>()('threads.post.history', PostId),
  markHelpful: rpc<PostReply>()('threads.post.mark-helpful', PostId.extend({ helpful: z.boolean() })),
  /**
   * Open questions (no reply visible to the asker, no accepted answer, not locked) the principal may
   * read, best match with these topic weights first, then newest.
   */
  openQuestions: rpc<{ threads: ThreadReply[]; hasNextPage: boolean }>()(
    'threads.question.open',
    z.object({ topics: z.array(z.object({ topicId: z.uuid(), weight: z.number().positive() })).max(500), ...Page }),
  ),
  /** How many open questions the principal may read there are per topic. */
  openQuestionTopics: rpc<{ topics: Array<{ topicId: string; openQuestions: number }> }>()(
    'threads.question.open-topics',
    z.object({}).strict(),
  ),
  followThread: rpc<ThreadReply>()('threads.follow.thread', ThreadId.extend({ level: FollowLevel })),
  followSpace: rpc<{ level: SpaceFollowLevel }>()(
    'threads.follow.space',
    z.object({ spaceId: z.uuid(), level: SpaceFollowLevel }),
  ),
  /** The principal's level for each of these spaces (NORMAL when they set none). */
  spaceFollowLevels: rpc<{ levels: Array<{ spaceId: string; level: SpaceFollowLevel }> }>()(
    'threads.follow.space-levels',
    z.object({ spaceIds: z.array(z.uuid()).max(100) }).strict(),
  ),
  /** Everything in the thread so far counts as read by the principal. */
  markThreadRead: rpc<ThreadReply>()('threads.follow.mark-read', ThreadId),
  /** Members flag a post; 3 members with standing (or 1 moderator) hide it until a moderator decides. */
  flagPost: rpc<{ flagged: boolean }>()(
    'threads.post.flag',
    PostId.extend({ reason: FlagReason, comment: Reason.optional() }),
  ),
  moderatePost: rpc<PostReply>()(
    'threads.post.moderate',
    PostId.extend({ action: ModerationAction, reason: Reason.optional() }),
  ),
  /** Held posts, and posts with open flags, in the spaces the principal moderates (or in one of them), oldest first; never deleted ones. */
  reviewQueue: rpc<{ posts: PostReply[]; hasNextPage: boolean }>()(
    'threads.post.review-queue',
    z.object({ spaceId: z.uuid().optional(), ...Page }),
  ),
  /** Who moderated a post, when and why: for moderators. */
  moderationHistory: rpc<{ entries: ModerationEntryReply[] }>()('threads.post.moderation-history', PostId),
  /**
   * Threads and replies the principal may read that match `query` (words, "phrases", -exclusions,
   * `or`), best and newest first, one hit per thread; `spaceId` narrows it to one space.
   */
  search: rpc<{ hits: SearchHitReply[]; hasNextPage: boolean }>()(
    'threads.thread.search',
    z
      .object({
        query: z.string().trim().min(1, 'must be 1-200 characters').max(200, 'must be 1-200 characters'),
        spaceId: z.uuid().optional(),
        ...Page,
      })
      .strict(),
  ),
} as const;

/** The onion: CORE (the red core), ACTIVE, PERIPHERAL, OBSERVER (reads only). */
export const EngagementRing = z.enum(['CORE', 'ACTIVE', 'PERIPHERAL', 'OBSERVER']);
export type EngagementRing = z.infer<typeof EngagementRing>;
export type RingCounts = Record<EngagementRing, number>;

export interface ActivityInsightsReply {
  rings: RingCounts;
  questions: number;
  answeredShare: number;
  medianFirstResponseMinutes: number | null;
}

export const insights = {
  /** Each user's ring in a space, from their posts in the last 30 days that the principal may see. */
  rings: rpc<{ rings: Array<{ userId: string; ring: EngagementRing }> }>()(
    'threads.insights.rings',
    z.object({ spaceId: z.uuid(), userIds: z.array(z.uuid()).max(1000) }).strict(),
  ),
  /** For the space's moderators: its members' rings, and how its questions are answered. */
  space: rpc<ActivityInsightsReply & { members: number; activeShare: number; employeeShareOfReplies: number }>()(
    'threads.insights.space',
    z.object({ spaceId: z.uuid(), memberIds: z.array(z.uuid()).max(100_000) }).strict(),
  ),
  /** For platform admins and community managers: everyone's rings and how questions are answered. */
  community: rpc<ActivityInsightsReply & { crossSpaceShare: number }>()(
    'threads.insights.community',
    z.object({ people: z.number().int().min(0) }).strict(),
  ),
} as const;

export const NotificationKind = z.enum(['REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'QUESTION_ROUTED', 'MODERATION']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export interface NotificationReply {
  id: string;
  kind: NotificationKind;
  /** When the latest event it stands for happened. */
  createdAt: string;
  readAt: string | null;
  actorId: string | null;
  threadId: string | null;
  postId: string | null;
  /** How many events it stands for: a burst of replies in one thread is one notification. */
  count: number;
  cursor: string;
}

export const notifications = {
  list: rpc<{ notifications: NotificationReply[]; hasNextPage: boolean; unreadCount: number }>()(
    'threads.notification.list',
    z.object({ unreadOnly: z.boolean().optional(), ...Page }),
  ),
  /** All of the principal's unread notifications when no ids are given; answers how many changed. */
  markRead: rpc<{ count: number }>()(
    'threads.notification.mark-read',
    z.object({ ids: z.array(z.uuid()).max(100).optional() }),
  ),
} as const;

const PostPlace = { postId: z.uuid(), threadId: z.uuid(), spaceId: z.uuid(), authorId: z.uuid() };
/** What expertise is earned on: the thread's topics, and who may see the post (evidence shown to customers counts only what they may read). */
const Evidence = { topicIds: z.array(z.uuid()).max(20), visibility: PostVisibility };

export const threadsEvents = {
  /** A post became visible (written, or approved by a moderator): watchers, mentioned people and the replied-to hear of it. */
  postPublished: durableEvent(
    'threads.post.published',
    1,
    z.object({
      ...PostPlace,
      ...Evidence,
      opening: z.boolean(),
      threadKind: ThreadKind,
      replyToPostId: z.uuid().nullable(),
      mentionedHandles: z.array(z.string()).max(50),
      /** The start of the text, for matching questions to the people who answered similar ones. */
      excerpt: z.string().max(2000),
    }),
  ),
  /** Notifications reached these recipients' inboxes: gateways tell those who are online. */
  notificationsDelivered: durableEvent(
    'threads.notification.delivered',
    1,
    z.object({ recipientIds: z.array(z.uuid()).max(1000) }),
  ),
  /** A question's author or a moderator accepted an answer. */
  answerAccepted: durableEvent(
    'threads.answer.accepted',
    1,
    z.object({ ...PostPlace, ...Evidence, acceptedBy: z.uuid() }),
  ),
  /** Someone marked a post helpful (`helpful: true`) or took it back. */
  postMarkedHelpful: durableEvent(
    'threads.post.helpful-marked',
    1,
    z.object({ ...PostPlace, ...Evidence, markedBy: z.uuid(), helpful: z.boolean() }),
  ),
  /** Its author deleted a post. */
  postDeleted: durableEvent('threads.post.deleted', 1, z.object(PostPlace)),
  /** A thread moved to another space (whose readers now see its activity). */
  threadMoved: durableEvent('threads.thread.moved', 1, z.object({ threadId: z.uuid(), spaceId: z.uuid() })),
  /** A moderator (or Kern itself) acted on a post: its author hears about it. */
  postModerated: durableEvent(
    'threads.post.moderated',
    1,
    z.object({
      postId: z.uuid(),
      threadId: z.uuid(),
      spaceId: z.uuid(),
      authorId: z.uuid(),
      action: z.string(),
      reason: z.string().nullable(),
      moderatorId: z.uuid().nullable(),
    }),
  ),
} as const;
