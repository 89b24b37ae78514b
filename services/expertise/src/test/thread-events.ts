import type { EventEnvelope, PostVisibility, threadsEvents, ThreadKind } from '@kern/contracts';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

type PostPublished = z.output<typeof threadsEvents.postPublished.payload>;

/** A fresh envelope, as JetStream delivers one: every event has its own id. */
export function envelope(occurredAt = new Date()): EventEnvelope {
  return {
    id: randomUUID(),
    name: 'test',
    version: 1,
    occurredAt: occurredAt.toISOString(),
    traceId: null,
    payload: {},
  };
}

/** A thread in a space, on these topics. */
export function thread(spaceId: string, topicIds: string[], kind: ThreadKind = 'QUESTION') {
  return { threadId: randomUUID(), openingPostId: randomUUID(), spaceId, topicIds, kind };
}

/** The `threads.post.published` payload of a post in `place` (a reply unless `opening`). */
export function published(
  place: ReturnType<typeof thread>,
  authorId: string,
  options: { opening?: boolean; visibility?: PostVisibility; excerpt?: string; postId?: string } = {},
): PostPublished {
  return {
    postId: options.postId ?? (options.opening ? place.openingPostId : randomUUID()),
    threadId: place.threadId,
    spaceId: place.spaceId,
    authorId,
    topicIds: place.topicIds,
    visibility: options.visibility ?? 'EVERYONE',
    opening: options.opening ?? false,
    threadKind: place.kind,
    replyToPostId: null,
    mentionedHandles: [],
    excerpt: options.excerpt ?? '',
  };
}
