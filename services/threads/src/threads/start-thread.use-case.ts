import { expertise, type Principal, type RequestOf, threads, type ThreadReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { OutboxRelay } from '@kern/events';
import { assertCanWrite, forbidden, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { readerOf } from '../access/reader';
import { assertMayPost, SpaceAccessClient } from '../access/space-access.client';
import { LeakGuard } from '../leak-guard/leak-guard';
import { ModerationRepository } from '../moderation/moderation.repository';
import { PostingPolicy } from '../moderation/posting-policy';
import { ThreadsRepository } from './threads.repository';
import { toThreadReply } from './threads.mapper';
import { ThreadWriter } from './thread-writer';

@Injectable()
export class StartThreadUseCase {
  constructor(
    private readonly database: Database,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly threads: ThreadsRepository,
    private readonly writer: ThreadWriter,
    private readonly leakGuard: LeakGuard,
    private readonly policy: PostingPolicy,
    private readonly moderation: ModerationRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(input: RequestOf<typeof threads.startThread>, principal: Principal): Promise<ThreadReply> {
    assertCanWrite(principal);
    const space = await this.spaces.space(input.spaceId, principal);
    assertMayPost(space.viewerAccess);
    // Announcements, and every thread in an ANNOUNCEMENTS space, come from the space's moderators.
    if ((input.kind === 'ANNOUNCEMENT' || space.purpose === 'ANNOUNCEMENTS') && !space.viewerAccess.moderate) {
      throw forbidden('Only the moderators of this space start announcements');
    }
    const topicIds = input.topics?.length ? await this.topicIds(input.topics, principal) : space.topicIds;
    // A new thread has no notes of its own yet: it is compared with the internal notes of its space.
    await this.leakGuard.check(
      {
        text: `${input.title}\n${input.body}`,
        audience: space.audience,
        visibility: 'EVERYONE',
        threadId: null,
        spaceId: space.id,
        confirmed: input.confirmPublic,
      },
      principal,
    );
    const admission = await this.policy.admit(principal, { kind: 'THREAD', title: input.title, body: input.body });
    const id = await this.database.transaction(async () => {
      const opened = await this.writer.open({
        space,
        authorId: principal.userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        topicIds,
        status: admission.status,
      });
      if (admission.spam?.held)
        await this.moderation.log(opened.postId, null, 'HOLD', `spam check: ${admission.spam.reasons.join(', ')}`);
      return opened.threadId;
    });
    this.relay.kick();
    const reader = readerOf(principal, space.viewerAccess);
    return toThreadReply((await this.threads.findVisible(reader, [id]))[0], reader);
  }

  /** Topics are the expertise service's: it knows which slugs exist. */
  private async topicIds(slugs: string[], principal: Principal): Promise<string[]> {
    return (await this.client.call(expertise.resolveTopics, { slugs }, principal)).topicIds;
  }
}
