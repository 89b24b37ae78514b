import { type Principal, type RequestOf, type SpaceReply, spaces } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { viewerOf } from '../access/viewer';
import { assertOwner } from './space-owner';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply } from './spaces.mapper';
import { visibleSpaceOrNotFound } from './visible-space';

/** Archiving keeps a space readable and stops all posting in it; owners and staff archive and restore. */
@Injectable()
export class ArchiveSpaceUseCase {
  constructor(private readonly spaces: SpacesRepository) {}

  async execute(input: RequestOf<typeof spaces.archiveSpace>, principal: Principal): Promise<SpaceReply> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    const space = await visibleSpaceOrNotFound(this.spaces, viewer, { id: input.spaceId });
    assertOwner(viewer, space);
    await this.spaces.setArchived(space.id, input.archived);
    return toSpaceReply(await visibleSpaceOrNotFound(this.spaces, viewer, { id: space.id }), viewer);
  }
}
