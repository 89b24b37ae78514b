import { type Principal, type ThreadReply, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, badInput, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { ThreadsRepository } from './threads.repository';
import { toThreadReply } from './threads.mapper';

/** What a thread's author or its space's moderators decide about it: the answer, and whether it stays open. */
@Injectable()
export class ThreadDecisionsUseCase {
  constructor(
    private readonly database: Database,
    private readonly threads: ThreadsRepository,
    private readonly finder: ThreadFinder,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  /** One accepted answer per question; accepting another replaces it. */
  async acceptAnswer(postId: string, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread, post, reader } = await this.finder.post(postId, principal);
    if (thread.kind !== 'QUESTION') throw badInput('Only questions have an accepted answer', { field: 'postId' });
    if (thread.authorId !== principal.userId && !reader.moderator)
      throw forbidden("Only the question's author and the space's moderators accept an answer");
    if (post.opening) throw badInput('The question itself cannot be its answer', { field: 'postId' });
    // An internal note as the answer would show customers that it exists.
    if (post.visibility !== 'EVERYONE' || post.status !== 'VISIBLE')
      throw badInput('Only a visible reply to everyone can be the accepted answer', { field: 'postId' });
    await this.database.transaction(async () => {
      await this.threads.setAcceptedPost(thread.id, post.id);
      await this.outbox.add(threadsEvents.answerAccepted, {
        postId: post.id,
        threadId: thread.id,
        spaceId: thread.spaceId,
        authorId: post.authorId,
        topicIds: thread.topicIds,
        visibility: post.visibility,
        acceptedBy: principal.userId,
      });
    });
    this.relay.kick();
    return this.reload(thread.id, principal);
  }

  async lock(input: { threadId: string; locked: boolean }, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread, reader } = await this.finder.thread(input.threadId, principal);
    if (!reader.moderator) throw forbidden("Only the space's moderators lock threads");
    await this.threads.setLocked(thread.id, input.locked);
    return this.reload(thread.id, principal);
  }

  private async reload(threadId: string, principal: Principal): Promise<ThreadReply> {
    const { thread, reader } = await this.finder.thread(threadId, principal);
    return toThreadReply(thread, reader);
  }
}
