import type { ThreadReply } from '@kern/contracts';
import type { Reader } from '../access/reader';
import { toPostReply } from '../posts/posts.mapper';
import type { ThreadRecord } from './thread.record';

/** Counts and activity as the reader sees them: internal notes move them only for employees. */
export function toThreadReply(thread: ThreadRecord, reader: Reader): ThreadReply {
  return {
    id: thread.id,
    spaceId: thread.spaceId,
    authorId: thread.authorId,
    kind: thread.kind,
    title: thread.openingPost.status === 'DELETED' && !reader.moderator ? '' : thread.title,
    topicIds: thread.topicIds,
    openingPost: toPostReply(thread.openingPost, reader),
    createdAt: thread.createdAt.toISOString(),
    lastActivityAt: (reader.employee ? thread.lastActivityAll : thread.lastActivityEveryone).toISOString(),
    replyCount: reader.employee ? thread.replyCountAll : thread.replyCountEveryone,
    locked: thread.lockedAt !== null,
    acceptedPostId: thread.acceptedPostId,
    viewerCanModerate: reader.moderator,
    viewerFollowLevel: thread.followLevel,
    unreadCount: thread.followLevel === 'WATCHING' || thread.followLevel === 'TRACKING' ? thread.unread : null,
  };
}
