import type { FollowLevel, ThreadKind, ThreadReply } from '@kern/contracts';
import type { Reader } from '../access/reader';
import { toPostReply, type PostRow } from '../posts/post-row';

/** A thread with its opening post (the post's columns, the thread's prefixed with `t_`). */
export interface ThreadRow extends PostRow {
  t_space_id: string;
  t_author_id: string;
  t_kind: ThreadKind;
  t_title: string;
  t_topic_ids: string[];
  /** The text search configuration of its space's language. */
  t_language: string;
  t_created_at: Date;
  t_locked_at: Date | null;
  t_accepted_post_id: string | null;
  t_reply_count_everyone: number;
  t_reply_count_all: number;
  t_last_activity_everyone: Date;
  t_last_activity_all: Date;
  t_follow_level: FollowLevel;
  t_unread: number | null;
}

export const threadColumns = `t.space_id AS t_space_id, t.author_id AS t_author_id, t.kind AS t_kind, t.title AS t_title,
  t.topic_ids AS t_topic_ids, t.language::text AS t_language, t.created_at AS t_created_at, t.locked_at AS t_locked_at, t.accepted_post_id AS t_accepted_post_id,
  t.reply_count_everyone AS t_reply_count_everyone, t.reply_count_all AS t_reply_count_all,
  t.last_activity_everyone AS t_last_activity_everyone, t.last_activity_all AS t_last_activity_all,
  coalesce(tf.level, CASE sf.level WHEN 'WATCHING' THEN 'WATCHING' WHEN 'MUTED' THEN 'MUTED' ELSE 'NORMAL' END) AS t_follow_level,
  CASE WHEN $1::uuid IS NULL THEN NULL ELSE (
    SELECT count(*)::int FROM threads.posts u
    WHERE u.thread_id = t.id AND NOT u.opening AND u.status = 'VISIBLE' AND (u.visibility = 'EVERYONE' OR $2::boolean)
      AND u.seq > coalesce(tr.last_read_seq, 0) AND u.author_id <> $1::uuid) END AS t_unread`;

/** The reader's follow and read state of `t`; the reader's id is $1. */
export const threadFollowJoins = `LEFT JOIN threads.thread_follows tf ON tf.thread_id = t.id AND tf.user_id = $1::uuid
  LEFT JOIN threads.space_follows sf ON sf.space_id = t.space_id AND sf.user_id = $1::uuid
  LEFT JOIN threads.thread_reads tr ON tr.thread_id = t.id AND tr.user_id = $1::uuid`;

/** Counts and activity as the reader sees them: internal notes move them only for employees. */
export function toThreadReply(row: ThreadRow, reader: Reader): ThreadReply {
  return {
    id: row.thread_id,
    spaceId: row.t_space_id,
    authorId: row.t_author_id,
    kind: row.t_kind,
    title: row.status === 'DELETED' && !reader.moderator ? '' : row.t_title,
    topicIds: row.t_topic_ids,
    openingPost: toPostReply(row, reader),
    createdAt: row.t_created_at.toISOString(),
    lastActivityAt: (reader.employee ? row.t_last_activity_all : row.t_last_activity_everyone).toISOString(),
    replyCount: reader.employee ? row.t_reply_count_all : row.t_reply_count_everyone,
    locked: row.t_locked_at !== null,
    acceptedPostId: row.t_accepted_post_id,
    viewerCanModerate: reader.moderator,
    viewerFollowLevel: row.t_follow_level,
    unreadCount: row.t_follow_level === 'WATCHING' || row.t_follow_level === 'TRACKING' ? row.t_unread : null,
  };
}
