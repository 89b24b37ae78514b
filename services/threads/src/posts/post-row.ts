import type { PostReply, PostStatus, PostVisibility } from '@kern/contracts';
import type { Reader } from '../access/reader';

export interface PostRow {
  id: string;
  seq: string;
  thread_id: string;
  author_id: string;
  opening: boolean;
  body: string;
  body_html: string;
  visibility: PostVisibility;
  status: PostStatus;
  reply_to_post_id: string | null;
  helpful_count: number;
  viewer_marked_helpful: boolean;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

/** Columns of `p` (posts) for one reader, whose user id is the query's parameter `$viewer`. */
export const postColumns = (
  viewer: string,
) => `p.id, p.seq, p.thread_id, p.author_id, p.opening, p.body, p.body_html, p.visibility, p.status,
  p.reply_to_post_id, p.helpful_count, p.created_at, p.edited_at, p.deleted_at,
  EXISTS (SELECT 1 FROM threads.helpful_marks h WHERE h.post_id = p.id AND h.user_id = ${viewer}::uuid) AS viewer_marked_helpful`;

/**
 * Which posts a reader sees, over `p`, with the reader's id, whether they are an employee and
 * whether they moderate the space in the given parameters. Internal notes exist for employees only;
 * held and hidden posts for their author and moderators; deleted ones show as deleted.
 */
export const visiblePost = (viewer: string, employee: string, moderator: string) => `(
  (p.visibility = 'EVERYONE' OR ${employee}::boolean)
  AND (p.status IN ('VISIBLE', 'DELETED') OR p.author_id = ${viewer}::uuid OR ${moderator}::boolean)
)`;

/** Moderators keep a deleted post's text for 30 days, to review it; nobody else sees it. */
const KEEP_DELETED_MS = 30 * 24 * 60 * 60 * 1000;

export function toPostReply(row: PostRow, reader: Reader): PostReply {
  const deleted = row.status === 'DELETED';
  const showText =
    !deleted ||
    (reader.moderator && row.deleted_at !== null && Date.now() - row.deleted_at.getTime() < KEEP_DELETED_MS);
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    opening: row.opening,
    body: showText ? row.body : '',
    bodyHtml: showText ? row.body_html : '',
    visibility: row.visibility,
    status: row.status,
    replyToPostId: row.reply_to_post_id,
    helpfulCount: row.helpful_count,
    viewerMarkedHelpful: row.viewer_marked_helpful,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    cursor: row.seq,
  };
}
