import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { viewerOf } from '../access/viewer';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply } from './spaces.mapper';
import { TopicDirectory } from './topic-directory';

/** "Spaces for you": what the viewer's skills (declared now, earned once evidence flows) point at. */
@Injectable()
export class RecommendSpacesUseCase {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly topics: TopicDirectory,
  ) {}

  async execute(
    { first }: RequestOf<typeof spaces.recommendSpaces>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.recommendSpaces>> {
    const viewer = viewerOf(principal);
    if (viewer.userId === null) return { spaces: [] };
    const affinity = await this.topics.affinityOf(principal);
    return {
      spaces: (await this.spaces.joinable(viewer, affinity, first)).map((space) => toSpaceReply(space, viewer)),
    };
  }
}
