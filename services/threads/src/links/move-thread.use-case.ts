import { identity, type Principal, type ThreadReply, threadsEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, confirmationRequired, conflict, forbidden, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { PostsRepository } from '../posts/posts.repository';
import { searchLanguage } from '../search/search-language';
import { assertStillWritable } from '../threads/still-writable';
import { ThreadsRepository } from '../threads/threads.repository';
import { toThreadReply } from '../threads/threads.mapper';

/**
 * Moderators of both spaces move a thread. Into an EXTERNAL space from an INTERNAL one publishes it,
 * so it is confirmed (`confirmPublish`): the leak guard's question, asked once for the whole thread,
 * all of which was internal. Internal notes stay internal, and so do the earlier versions of its
 * posts replaced while it was internal (each remembers its space: `FindPostsUseCase.history`). Into
 * an INTERNAL space it must hold no customer's posts, which would be taken away from their authors;
 * customers' notifications about it vanish, as the inbox counts the thread's space of today.
 */
@Injectable()
export class MoveThreadUseCase {
  constructor(
    private readonly database: Database,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly finder: ThreadFinder,
    private readonly spaces: SpaceAccessClient,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(
    input: { threadId: string; spaceId: string; confirmPublish?: boolean },
    principal: Principal,
  ): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread, access, reader } = await this.finder.thread(input.threadId, principal);
    const target = await this.spaces.space(input.spaceId, principal);
    if (!reader.moderator || !target.viewerAccess.moderate)
      throw forbidden('Only moderators of both spaces move a thread');
    if (target.id !== thread.spaceId) {
      if (access.audience === 'INTERNAL' && target.audience === 'EXTERNAL' && !input.confirmPublish) {
        throw confirmationRequired(
          'Moving this thread to an EXTERNAL space shows it to customers; repeat with confirmPublish: true',
          'confirmPublish',
        );
      }
      const checkedAuthors =
        target.audience === 'INTERNAL' ? await this.assertNoCustomerPosts(thread.id, principal) : null;
      await this.database.transaction(async () => {
        await assertStillWritable(this.threads, { thread, reader, access });
        // Someone new may have written in the thread since its authors were checked (the row lock keeps anyone else out from here on).
        if (checkedAuthors && (await this.posts.authorsIn(thread.id)).some((author) => !checkedAuthors.has(author))) {
          throw conflict('Someone wrote in this thread while it was being moved; try again', {
            reason: 'THREAD_CHANGED',
          });
        }
        await this.threads.move(thread.id, target.id, searchLanguage(target.language));
        await this.outbox.add(threadsEvents.threadMoved, { threadId: thread.id, spaceId: target.id });
      });
      this.relay.kick();
    }
    const moved = await this.finder.thread(thread.id, principal);
    return toThreadReply(moved.thread, moved.reader);
  }

  /** Answers the authors it checked. */
  private async assertNoCustomerPosts(threadId: string, principal: Principal): Promise<Set<string>> {
    const authors = await this.posts.authorsIn(threadId);
    for (let start = 0; start < authors.length; start += 100) {
      const { users } = await this.client.call(
        identity.getUsers,
        { ids: authors.slice(start, start + 100) },
        principal,
      );
      if (users.some((user) => user.kind === 'CUSTOMER'))
        throw conflict(
          'This thread has posts by customers; moving it into an INTERNAL space would take them away from their authors',
          { field: 'spaceId' },
        );
    }
    return new Set(authors);
  }
}
