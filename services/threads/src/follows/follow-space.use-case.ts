import type { Principal, SpaceFollowLevel } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { FollowsRepository } from './follows.repository';

@Injectable()
export class FollowSpaceUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly follows: FollowsRepository,
  ) {}

  /** Following a space needs only seeing it: an APPROVAL space's directory entry, say, before joining. */
  async execute(input: { spaceId: string; level: SpaceFollowLevel }, principal: Principal): Promise<SpaceFollowLevel> {
    assertCanWrite(principal);
    await this.spaces.listable(input.spaceId, principal);
    await this.follows.setSpaceLevel(principal.userId, input.spaceId, input.level);
    return input.level;
  }
}
