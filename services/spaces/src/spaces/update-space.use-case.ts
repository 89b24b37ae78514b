import { type Principal, type RequestOf, type SpaceReply, spaces, spacesEvents } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { assertCanWrite, confirmationRequired, conflict, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { viewerOf, type Viewer } from '../access/viewer';
import { MemberKinds } from '../memberships/member-kinds';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { assertOwner } from './space-owner';
import type { SpaceRecord } from './space.record';
import { SpacesRepository } from './spaces.repository';
import { toSpaceReply } from './spaces.mapper';
import { TopicDirectory } from './topic-directory';
import { visibleSpaceOrNotFound } from './visible-space';

/** Owners of a space, and platform admins and community managers, change it. */
@Injectable()
export class UpdateSpaceUseCase {
  constructor(
    private readonly database: Database,
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly topics: TopicDirectory,
    private readonly memberKinds: MemberKinds,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(input: RequestOf<typeof spaces.updateSpace>, principal: Principal): Promise<SpaceReply> {
    assertCanWrite(principal);
    const viewer = viewerOf(principal);
    const topicIds = input.topics ? await this.topics.idsOf(input.topics, principal) : undefined;
    const before = await visibleSpaceOrNotFound(this.spaces, viewer, { id: input.spaceId });
    assertOwner(viewer, before);
    const becomesInternal = input.audience === 'INTERNAL' && before.audience !== 'INTERNAL';
    // Asked before the transaction: identity is another service, and no call may wait while a row is locked.
    const checkedMembers = becomesInternal ? await this.assertNoCustomers(before, principal) : null;
    await this.database.transaction(async () => {
      // FOR UPDATE: joins wait (FOR SHARE), so no customer slips in while the audience changes.
      const space = await visibleSpaceOrNotFound(this.spaces, viewer, { id: input.spaceId }, 'FOR UPDATE');
      assertOwner(viewer, space);
      if (input.audience && input.audience !== space.audience) {
        if (input.audience === 'EXTERNAL') assertMayPublish(viewer, input.confirmPublish);
        else await this.assertMembersUnchanged(space, checkedMembers);
      }
      await this.spaces.update(space.id, {
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
        await this.outbox.add(spacesEvents.languageChanged, { spaceId: space.id, language: input.language });
      }
    });
    this.relay.kick();
    return toSpaceReply(await visibleSpaceOrNotFound(this.spaces, viewer, { id: input.spaceId }), viewer);
  }

  /** Moving an external space inside would take their own posts away from its customers. Answers the members it checked. */
  private async assertNoCustomers(space: SpaceRecord, principal: Principal): Promise<Set<string>> {
    const members = await this.memberships.userIdsOf(space.id);
    const kinds = await this.memberKinds.ofMany(members, principal);
    const customers = [...kinds.values()].filter((kind) => kind === 'CUSTOMER').length;
    if (customers > 0) {
      throw conflict(
        `This space has ${customers} customer member${customers > 1 ? 's' : ''}; an external space with customers cannot become internal`,
        {
          field: 'audience',
          customerMembers: customers,
        },
      );
    }
    return new Set(members);
  }

  /** Within the lock: nobody joined after their kinds were checked. */
  private async assertMembersUnchanged(space: SpaceRecord, checked: Set<string> | null) {
    if (checked && (await this.memberships.userIdsOf(space.id)).every((id) => checked.has(id))) return;
    throw conflict('Members joined this space while its audience was being changed; try again', {
      field: 'audience',
      reason: 'MEMBERS_CHANGED',
    });
  }
}

/** Making a space external publishes everything ever written in it, so it is staff's call, confirmed. */
function assertMayPublish(viewer: Viewer, confirmed: boolean | undefined) {
  if (!viewer.staff) throw forbidden('Only platform admins and community managers make spaces external');
  if (!confirmed) {
    throw confirmationRequired(
      'Making this space EXTERNAL shows everything in it to customers; repeat with confirmPublish: true',
      'confirmPublish',
    );
  }
}
