import { type Principal, type ThreadReply, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, badInput, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toThreadReply } from './threads.mapper';
import { ThreadsRepository } from './threads.repository';

/** The question's author or its space's moderators accept one answer per question; accepting another replaces it. */
@Injectable()
export class AcceptAnswerUseCase {
  constructor(
    private readonly database: Database,
    private readonly threads: ThreadsRepository,
    private readonly finder: ThreadFinder,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(postId: string, principal: Principal): Promise<ThreadReply> {
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
    const after = await this.finder.thread(thread.id, principal);
    return toThreadReply(after.thread, after.reader);
  }
}
