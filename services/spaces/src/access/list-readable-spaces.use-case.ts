import { type Principal, type ReplyOf, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { SpacesRepository } from '../spaces/spaces.repository';
import { accessFactsOf } from '../spaces/spaces.mapper';
import { accessOf } from './space-access';
import { viewerOf } from './viewer';

/** Every space whose content the principal may read, for questions across spaces (search, feeds). */
@Injectable()
export class ListReadableSpacesUseCase {
  constructor(private readonly spaces: SpacesRepository) {}

  async execute(principal: Principal): Promise<ReplyOf<typeof spaces.readableSpaces>> {
    const viewer = viewerOf(principal);
    const visible = await this.spaces.allVisible(viewer);
    return {
      spaceIds: visible.filter((space) => accessOf(viewer, accessFactsOf(space)).read).map((space) => space.id),
    };
  }
}
