import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { viewerOf } from '../access/viewer';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply } from './spaces.mapper';
import { TopicDirectory } from './topic-directory';

/** The directory of spaces, by slug, filtered by topic (with its sub-topics), audience or the viewer's own. */
@Injectable()
export class ListSpacesUseCase {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly topics: TopicDirectory,
  ) {}

  async execute(
    query: RequestOf<typeof spaces.listSpaces>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.listSpaces>> {
    const viewer = viewerOf(principal);
    if (query.mine && viewer.userId === null) return { spaces: [], hasNextPage: false };
    const topicIds = query.topic ? await this.topics.subtreeIds(query.topic, principal) : undefined;
    const found = await this.spaces.directory(viewer, {
      topicIds,
      audience: query.audience,
      mine: query.mine,
      first: query.first,
      afterSlug: query.after,
    });
    return {
      spaces: found.slice(0, query.first).map((space) => toSpaceReply(space, viewer)),
      hasNextPage: found.length > query.first,
    };
  }
}
