import { type PostStatus, type SpaceReply, type ThreadKind, threadsEvents } from '@kern/contracts';
import { Outbox } from '@kern/events';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { renderMarkdown } from '../posts/markdown';
import { FollowsRepository } from '../follows/follows.repository';
import { postPublished } from '../posts/post-events';
import { PostsRepository } from '../posts/posts.repository';
import { searchLanguage } from '../search/search-language';
import { ThreadsRepository } from './threads.repository';

/** Writes a new thread and its opening post, inside the caller's transaction (the caller kicks the `OutboxRelay` after it commits). */
@Injectable()
export class ThreadWriter {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly follows: FollowsRepository,
    private readonly outbox: Outbox,
  ) {}

  async open(thread: {
    space: SpaceReply;
    authorId: string;
    kind: ThreadKind;
    title: string;
    body: string;
    topicIds: string[];
    status?: PostStatus;
  }): Promise<{ threadId: string; postId: string }> {
    const id = randomUUID();
    const language = searchLanguage(thread.space.language);
    await this.threads.insert({
      id,
      spaceId: thread.space.id,
      authorId: thread.authorId,
      kind: thread.kind,
      title: thread.title,
      topicIds: thread.topicIds,
      language,
    });
    const postId = randomUUID();
    await this.posts.insert({
      id: postId,
      threadId: id,
      authorId: thread.authorId,
      opening: true,
      body: thread.body,
      bodyHtml: renderMarkdown(thread.body),
      visibility: 'EVERYONE',
      status: thread.status ?? 'VISIBLE',
      replyToPostId: null,
      language,
    });
    if (thread.status !== 'PENDING_REVIEW') {
      const place = {
        postId,
        threadId: id,
        spaceId: thread.space.id,
        authorId: thread.authorId,
        topicIds: thread.topicIds,
      };
      await this.outbox.add(
        threadsEvents.postPublished,
        postPublished({
          ...place,
          threadKind: thread.kind,
          opening: true,
          visibility: 'EVERYONE',
          replyToPostId: null,
          body: thread.body,
        }),
      );
    }
    await this.follows.watchUnlessChosen(thread.authorId, id);
    await this.follows.markRead(thread.authorId, id);
    return { threadId: id, postId };
  }
}
