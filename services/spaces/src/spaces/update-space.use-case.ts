import { type Principal, type RequestOf, type SpaceReply, spaces, spacesEvents } from '@kern/contracts';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, conflict, DomainError, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { viewerOf, type Viewer } from '../access/viewer';
import { MemberKinds } from '../memberships/member-kinds';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { FindSpacesUseCase } from './find-spaces.use-case';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply, type SpaceRow } from './space-row';
import { TopicDirectory } from './topic-directory';

/** Owners of a space, and platform admins and community managers, change and archive it. */
@Injectable()
export class UpdateSpaceUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly find: FindSpacesUseCase,
    private readonly topics: TopicDirectory,
    private readonly memberKinds: MemberKinds,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async update(input: RequestOf<typeof spaces.updateSpace>, principal: Principal): Promise<SpaceReply> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    const topicIds = input.topics ? await this.topics.idsOf(input.topics, principal) : undefined;
    await this.dataSource.transaction(async (tx) => {
      // FOR UPDATE: joins wait (FOR SHARE), so no customer slips in while the audience changes.
      const space = await this.find.visibleOrNotFound(viewer, { id: input.spaceId }, 'FOR UPDATE', this.spaces.in(tx));
      assertOwner(viewer, space);
      if (input.audience && input.audience !== space.audience) {
        if (input.audience === 'EXTERNAL') assertMayPublish(viewer, input.confirmPublish);
        else await this.assertNoCustomers(space, principal, this.memberships.in(tx));
      }
      await this.spaces.in(tx).update(space.id, {
        name: input.name,
        description: input.description,
        audience: input.audience,
        joinPolicy: input.joinPolicy,
        purpose: input.purpose,
        language: input.language,
        guidelines: input.guidelines === undefined ? undefined : input.guidelines || null,
        topicIds,
      });
      if (input.language && input.language !== space.language) {
        await this.outbox.add(tx, spacesEvents.languageChanged, { spaceId: space.id, language: input.language });
      }
    });
    this.relay.kick();
    return this.reload(viewer, input.spaceId);
  }

  async archive(input: { spaceId: string; archived: boolean }, principal: Principal): Promise<SpaceReply> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    const space = await this.find.visibleOrNotFound(viewer, { id: input.spaceId });
    assertOwner(viewer, space);
    await this.spaces.setArchived(space.id, input.archived);
    return this.reload(viewer, space.id);
  }

  /** Moving an external space inside would take their own posts away from its customers. */
  private async assertNoCustomers(space: SpaceRow, principal: Principal, memberships: MembershipsRepository) {
    const kinds = await this.memberKinds.ofMany(await memberships.userIdsOf(space.id), principal);
    const customers = [...kinds.values()].filter((kind) => kind === 'CUSTOMER').length;
    if (customers > 0) {
      throw conflict(`This space has ${customers} customer member${customers > 1 ? 's' : ''}; an external space with customers cannot become internal`, {
        field: 'audience',
        customerMembers: customers,
      });
    }
  }

  private async reload(viewer: Viewer, id: string): Promise<SpaceReply> {
    return toSpaceReply(await this.find.visibleOrNotFound(viewer, { id }), viewer);
  }
}

function assertOwner(viewer: Viewer, space: SpaceRow) {
  if (viewer.staff || (space.role === 'OWNER' && space.status === 'ACTIVE')) return;
  throw forbidden('Only the owners of a space change it');
}

/** Making a space external publishes everything ever written in it, so it is staff's call, confirmed. */
function assertMayPublish(viewer: Viewer, confirmed: boolean | undefined) {
  if (!viewer.staff) throw forbidden('Only platform admins and community managers make spaces external');
  if (!confirmed) {
    throw new DomainError('CONFIRMATION_REQUIRED', 'Making this space EXTERNAL shows everything in it to customers; repeat with confirmPublish: true', {
      field: 'confirmPublish',
    });
  }
}
