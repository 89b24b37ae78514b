import type { PostReply } from '@kern/contracts';
import type { Reader } from '../access/reader';
import type { PostRecord } from './post.record';

/** Moderators keep a deleted post's text for 30 days, to review it; nobody else sees it. */
const KEEP_DELETED_MS = 30 * 24 * 60 * 60 * 1000;

export function toPostReply(post: PostRecord, reader: Reader): PostReply {
  const deleted = post.status === 'DELETED';
  const showText =
    !deleted ||
    (reader.moderator && post.deletedAt !== null && Date.now() - post.deletedAt.getTime() < KEEP_DELETED_MS);
  return {
    id: post.id,
    threadId: post.threadId,
    authorId: post.authorId,
    opening: post.opening,
    body: showText ? post.body : '',
    bodyHtml: showText ? post.bodyHtml : '',
    visibility: post.visibility,
    status: post.status,
    replyToPostId: post.replyToPostId,
    helpfulCount: post.helpfulCount,
    viewerMarkedHelpful: post.viewerMarkedHelpful,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
    cursor: post.seq,
  };
}
