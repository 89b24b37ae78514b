import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { viewerOf } from '../access/viewer';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply } from './spaces.mapper';

/** Several spaces by id; those the viewer may not see are left out, as if they did not exist. */
@Injectable()
export class GetSpacesUseCase {
  constructor(private readonly spaces: SpacesRepository) {}

  async execute(
    { ids }: RequestOf<typeof spaces.getSpaces>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.getSpaces>> {
    if (ids.length === 0) return { spaces: [] };
    const viewer = viewerOf(principal);
    return { spaces: (await this.spaces.findManyVisible(viewer, ids)).map((space) => toSpaceReply(space, viewer)) };
  }
}
