import { type Principal, type RequestOf, type SpaceReply, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { viewerOf } from '../access/viewer';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply } from './spaces.mapper';
import { visibleSpaceOrNotFound } from './visible-space';

/** One space, by id or slug. */
@Injectable()
export class GetSpaceUseCase {
  constructor(private readonly spaces: SpacesRepository) {}

  async execute(by: RequestOf<typeof spaces.getSpace>, principal: Principal): Promise<SpaceReply> {
    const viewer = viewerOf(principal);
    return toSpaceReply(await visibleSpaceOrNotFound(this.spaces, viewer, by), viewer);
  }
}
