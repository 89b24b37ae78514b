import { type PostVisibility, type ThreadKind, threadsEvents } from '@kern/contracts';
import type { z } from 'zod';
import { mentionedHandles } from '../moderation/text-features';

/**
 * The `postPublished` event of a post that just became visible to its readers, with the handles it
 * mentions and an excerpt for notifications. Record it in the post's own transaction.
 */
export function postPublished(post: {
  postId: string;
  threadId: string;
  spaceId: string;
  authorId: string;
  topicIds: string[];
  opening: boolean;
  threadKind: ThreadKind;
  visibility: PostVisibility;
  replyToPostId: string | null;
  body: string;
}): z.input<typeof threadsEvents.postPublished.payload> {
  const { body, ...place } = post;
  return { ...place, mentionedHandles: mentionedHandles(body).slice(0, 50), excerpt: body.slice(0, 2000) };
}
