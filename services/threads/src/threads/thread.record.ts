import type { FollowLevel, ThreadKind } from '@kern/contracts';
import type { PostRecord } from '../posts/post.record';

/**
 * A thread with its opening post, as one reader sees it (their follow level and unread count).
 * Counts and activity come twice, with and without internal notes: which one a reader gets is the
 * mapper's choice (`toThreadReply`).
 */
export interface ThreadRecord {
  id: string;
  spaceId: string;
  authorId: string;
  kind: ThreadKind;
  title: string;
  topicIds: string[];
  /** The text search configuration of its space's language. */
  language: string;
  createdAt: Date;
  lockedAt: Date | null;
  acceptedPostId: string | null;
  replyCountEveryone: number;
  replyCountAll: number;
  lastActivityEveryone: Date;
  lastActivityAll: Date;
  followLevel: FollowLevel;
  /** Replies the reader has not read (null for anonymous readers). */
  unread: number | null;
  openingPost: PostRecord;
}
