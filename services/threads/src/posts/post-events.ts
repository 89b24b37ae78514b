import { type AnyDurableEvent, type PostVisibility, type ThreadKind, threadsEvents } from '@kern/contracts';
import { Outbox, OutboxRelay } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { mentionedHandles } from '../moderation/text-features';

/** Records, in the post's own transaction, that a post became visible; `kick` after the commit. */
@Injectable()
export class PostEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async published(post: {
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
  }): Promise<void> {
    const { body, ...place } = post;
    await this.outbox.add(threadsEvents.postPublished, {
      ...place,
      mentionedHandles: mentionedHandles(body).slice(0, 50),
      excerpt: body.slice(0, 2000),
    });
  }

  /** Records any other post event in the caller's transaction. */
  async record<E extends AnyDurableEvent>(event: E, payload: z.input<E['payload']>): Promise<void> {
    await this.outbox.add(event, payload);
  }

  kick() {
    this.relay.kick();
  }
}
