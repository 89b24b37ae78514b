import { identity, type Principal, type ThreadReply, threadsEvents } from '@kern/contracts';
import { assertCanWrite, conflict, DomainError, forbidden, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { PostEvents } from '../posts/post-events';
import { searchLanguage } from '../search/search-language';
import { toThreadReply } from '../threads/thread-row';

/**
 * Moderators of both spaces move a thread. Into an EXTERNAL space from an INTERNAL one publishes it
 * (internal notes stay internal), so it is confirmed; into an INTERNAL space it must hold no
 * customer's posts, which would be taken away from their authors.
 */
@Injectable()
export class MoveThreadUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly finder: ThreadFinder,
    private readonly spaces: SpaceAccessClient,
    private readonly events: PostEvents,
  ) {}

  async execute(input: { threadId: string; spaceId: string; confirmPublish?: boolean }, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const { thread, access, reader } = await this.finder.thread(input.threadId, principal);
    const target = await this.spaces.space(input.spaceId, principal);
    if (!reader.moderator || !target.viewerAccess.moderate) throw forbidden('Only moderators of both spaces move a thread');
    if (target.id !== thread.t_space_id) {
      if (access.audience === 'INTERNAL' && target.audience === 'EXTERNAL' && !input.confirmPublish) {
        throw new DomainError('CONFIRMATION_REQUIRED', 'Moving this thread to an EXTERNAL space shows it to customers; repeat with confirmPublish: true', {
          field: 'confirmPublish',
        });
      }
      if (target.audience === 'INTERNAL') await this.assertNoCustomerPosts(thread.thread_id, principal);
      await this.dataSource.transaction(async (tx) => {
        const language = searchLanguage(target.language);
        await tx.query(`UPDATE threads.threads SET space_id = $2, language = $3::regconfig WHERE id = $1`, [thread.thread_id, target.id, language]);
        await tx.query(`UPDATE threads.posts SET language = $2::regconfig WHERE thread_id = $1`, [thread.thread_id, language]);
        await this.events.record(tx, threadsEvents.threadMoved, { threadId: thread.thread_id, spaceId: target.id });
      });
      this.events.kick();
    }
    const moved = await this.finder.thread(thread.thread_id, principal);
    return toThreadReply(moved.thread, moved.reader);
  }

  private async assertNoCustomerPosts(threadId: string, principal: Principal) {
    const rows: Array<{ author_id: string }> = await this.dataSource.query(`SELECT DISTINCT author_id FROM threads.posts WHERE thread_id = $1`, [threadId]);
    for (let start = 0; start < rows.length; start += 100) {
      const { users } = await this.client.call(identity.getUsers, { ids: rows.slice(start, start + 100).map((row) => row.author_id) }, principal);
      if (users.some((user) => user.kind === 'CUSTOMER')) throw conflict('This thread has posts by customers; moving it into an INTERNAL space would take them away from their authors', { field: 'spaceId' });
    }
  }
}
