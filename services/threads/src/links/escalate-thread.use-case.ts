import type { Principal, ThreadReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { OutboxRelay } from '@kern/events';
import { assertCanWrite, badInput, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { readerOf } from '../access/reader';
import { assertMayPost, SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { ThreadsRepository } from '../threads/threads.repository';
import { toThreadReply } from '../threads/threads.mapper';
import { ThreadWriter } from '../threads/thread-writer';
import { ThreadLinksRepository } from './thread-links.repository';

const TITLE_MAX = 200;

/**
 * An employee takes a customer's question inside: a new thread in an INTERNAL space, opened with
 * the employee's note and linked both ways. The answer goes back to the customer as an ordinary reply.
 */
@Injectable()
export class EscalateThreadUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly spaces: SpaceAccessClient,
    private readonly writer: ThreadWriter,
    private readonly threads: ThreadsRepository,
    private readonly links: ThreadLinksRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(
    input: { threadId: string; spaceId: string; note: string },
    principal: Principal,
  ): Promise<ThreadReply> {
    assertCanWrite(principal);
    if (principal.kind !== 'EMPLOYEE') throw forbidden('Only employees escalate threads');
    const { thread: source } = await this.finder.thread(input.threadId, principal);
    const target = await this.spaces.space(input.spaceId, principal);
    if (target.audience !== 'INTERNAL') throw badInput('Escalate into an INTERNAL space', { field: 'spaceId' });
    assertMayPost(target.viewerAccess);
    const title = `Escalated: ${source.title}`.slice(0, TITLE_MAX);
    const id = await this.database.transaction(async () => {
      const opened = await this.writer.open({
        space: target,
        authorId: principal.userId,
        kind: 'DISCUSSION',
        title,
        body: input.note,
        topicIds: source.topicIds,
      });
      await this.links.link(source.id, opened.threadId, principal.userId);
      return opened.threadId;
    });
    this.relay.kick();
    const reader = readerOf(principal, target.viewerAccess);
    return toThreadReply((await this.threads.findVisible(reader, [id]))[0], reader);
  }
}
