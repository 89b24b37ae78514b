import { type Principal, type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { SpacesRepository } from '../spaces/spaces.repository';
import { accessFactsOf } from '../spaces/spaces.mapper';
import { accessOf } from './space-access';
import { viewerOf } from './viewer';

/**
 * The boundary question for the other services. They ask on every request instead of keeping a
 * copy of audiences and memberships: one indexed query on the NATS round trip they make anyway
 * costs about a millisecond, while a copy would have to follow every audience change, membership,
 * ban and change of a user's kind, and any lag there is a leak. Asking makes a change count for
 * the very next request, everywhere; the spaces service scales out with replicas if it gets hot.
 */
@Injectable()
export class CheckAccessUseCase {
  constructor(private readonly spaces: SpacesRepository) {}

  async execute(
    { spaceIds }: RequestOf<typeof spaces.checkAccess>,
    principal: Principal,
  ): Promise<ReplyOf<typeof spaces.checkAccess>> {
    const viewer = viewerOf(principal);
    // Asked on every request of the other services: member counts are not part of the answer.
    const found = await this.spaces.findManyVisible(viewer, spaceIds, false);
    return { access: found.map((space) => accessOf(viewer, accessFactsOf(space))) };
  }
}
