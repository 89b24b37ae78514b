import { type Principal, type RequestOf, type SpaceReply, spaces } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { viewerOf, type Viewer } from '../access/viewer';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply, type SpaceRow } from './space-row';
import { TopicDirectory } from './topic-directory';

@Injectable()
export class FindSpacesUseCase {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly topics: TopicDirectory,
  ) {}

  /** A space the viewer may not see is NOT_FOUND, exactly like one that does not exist. */
  async get(by: { id: string } | { slug: string }, principal: Principal): Promise<SpaceReply> {
    const viewer = viewerOf(principal);
    return toSpaceReply(await this.visibleOrNotFound(viewer, by), viewer);
  }

  async getMany(ids: string[], principal: Principal): Promise<SpaceReply[]> {
    if (ids.length === 0) return [];
    const viewer = viewerOf(principal);
    return (await this.spaces.findManyVisible(viewer, ids)).map((row) => toSpaceReply(row, viewer));
  }

  async list(
    query: RequestOf<typeof spaces.listSpaces>,
    principal: Principal,
  ): Promise<{ spaces: SpaceReply[]; hasNextPage: boolean }> {
    const viewer = viewerOf(principal);
    if (query.mine && viewer.userId === null) return { spaces: [], hasNextPage: false };
    const topicIds = query.topic ? await this.topics.subtreeIds(query.topic, principal) : undefined;
    const rows = await this.spaces.directory(viewer, {
      topicIds,
      audience: query.audience,
      mine: query.mine,
      first: query.first,
      afterSlug: query.after,
    });
    return {
      spaces: rows.slice(0, query.first).map((row) => toSpaceReply(row, viewer)),
      hasNextPage: rows.length > query.first,
    };
  }

  /** "Spaces for you": what the viewer's skills (declared now, earned once evidence flows) point at. */
  async recommend(first: number, principal: Principal): Promise<SpaceReply[]> {
    const viewer = viewerOf(principal);
    if (viewer.userId === null) return [];
    const affinity = await this.topics.affinityOf(principal);
    return (await this.spaces.joinable(viewer, affinity, first)).map((row) => toSpaceReply(row, viewer));
  }

  async visibleOrNotFound(
    viewer: Viewer,
    by: { id: string } | { slug: string },
    lock?: 'FOR UPDATE' | 'FOR SHARE',
  ): Promise<SpaceRow> {
    const row = await this.spaces.findVisible(viewer, by, lock);
    if (!row) throw notFound('Space');
    return row;
  }
}
