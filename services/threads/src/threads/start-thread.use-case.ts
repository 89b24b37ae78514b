import { expertise, type Principal, type RequestOf, threads, type ThreadReply } from '@kern/contracts';
import { assertCanWrite, badInput, forbidden, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { readerOf } from '../access/reader';
import { assertMayPost, SpaceAccessClient } from '../access/space-access.client';
import { renderMarkdown } from '../posts/markdown';
import { PostsRepository } from '../posts/posts.repository';
import { searchLanguage } from '../search/search-language';
import { ThreadsRepository } from './threads.repository';
import { toThreadReply } from './thread-row';

@Injectable()
export class StartThreadUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
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
    const id = randomUUID();
    const language = searchLanguage(space.language);
    await this.dataSource.transaction(async (tx) => {
      await this.threads.in(tx).insert({ id, spaceId: space.id, authorId: principal.userId, kind: input.kind, title: input.title, topicIds, language });
      await this.posts.in(tx).insert({
        id: randomUUID(),
        threadId: id,
        authorId: principal.userId,
        opening: true,
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        visibility: 'EVERYONE',
        status: 'VISIBLE',
        replyToPostId: null,
        language,
      });
    });
    const reader = readerOf(principal, space.viewerAccess);
    return toThreadReply((await this.threads.findVisible(reader, [id]))[0], reader);
  }

  private async topicIds(slugs: string[], principal: Principal): Promise<string[]> {
    const unique = [...new Set(slugs)];
    const { topics } = await this.client.call(expertise.findTopicsBySlug, { slugs: unique }, principal);
    const unknown = unique.filter((slug) => !topics.some((topic) => topic.slug === slug));
    if (unknown.length > 0) throw badInput(`Unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, { field: 'topics', unknown });
    return unique.map((slug) => topics.find((topic) => topic.slug === slug)!.id);
  }
}
