import {
  type Audience,
  type Principal,
  type RequestOf,
  type SpacePurpose,
  type SpaceReply,
  spaces,
} from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { viewerOf, type Viewer } from '../access/viewer';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply } from './spaces.mapper';
import { TopicDirectory } from './topic-directory';

/** A service community faces customers; a community of practice is where staff share cases. */
const DEFAULT_PURPOSE: Record<Audience, SpacePurpose> = { EXTERNAL: 'SERVICE', INTERNAL: 'PRACTICE' };

/** Opens a space, its creator its first owner. */
@Injectable()
export class CreateSpaceUseCase {
  constructor(
    private readonly database: Database,
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly topics: TopicDirectory,
  ) {}

  async execute(input: RequestOf<typeof spaces.createSpace>, principal: Principal): Promise<SpaceReply> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    assertMayCreate(viewer, input.audience);
    const topicIds = await this.topics.idsOf(input.topics, principal);
    const id = randomUUID();
    await this.database.transaction(async () => {
      await this.spaces.insert({
        id,
        slug: input.slug,
        name: input.name,
        description: input.description,
        audience: input.audience,
        joinPolicy: input.joinPolicy,
        purpose: input.purpose ?? DEFAULT_PURPOSE[input.audience],
        language: input.language ?? 'en',
        guidelines: input.guidelines || null,
        topicIds,
        createdBy: principal.userId,
      });
      // The creator owns the space and wrote its guidelines, so they count as accepted.
      await this.memberships.add({
        spaceId: id,
        userId: principal.userId,
        role: 'OWNER',
        status: 'ACTIVE',
        guidelinesAccepted: true,
      });
    });
    return toSpaceReply((await this.spaces.findVisible(viewer, { id }))!, viewer);
  }
}

/** Any employee may open an internal space; what customers see is curated by admins and community managers. */
function assertMayCreate(viewer: Viewer, audience: Audience) {
  if (viewer.staff) return;
  if (viewer.kind !== 'EMPLOYEE') throw forbidden('Only employees create spaces');
  if (audience === 'EXTERNAL') throw forbidden('Only platform admins and community managers create external spaces');
}
