import { spaces } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { SpacesRepository } from '../spaces/spaces.repository';
import { accessFactsOf } from '../spaces/space-row';
import { accessOf } from './space-access';
import { isStaff, viewerOf } from './viewer';

/**
 * The boundary question for the other services. They ask on every request instead of keeping a
 * copy of audiences and memberships: one indexed query on the NATS round trip they make anyway
 * costs about a millisecond, while a copy would have to follow every audience change, membership,
 * ban and change of a user's kind, and any lag there is a leak. Asking makes a change count for
 * the very next request, everywhere; the spaces service scales out with replicas if it gets hot.
 */
@Controller()
export class AccessController {
  constructor(private readonly spaces: SpacesRepository) {}

  @Handles(spaces.checkAccess)
  async check(@Envelope(spaces.checkAccess) request: Request<typeof spaces.checkAccess>) {
    const viewer = viewerOf(request.principal);
    // Asked on every request of the other services: member counts are not part of the answer.
    const rows = await this.spaces.findManyVisible(viewer, request.payload.spaceIds, false);
    return { access: rows.map((row) => accessOf(viewer, accessFactsOf(row))) };
  }

  @Handles(spaces.readers)
  async readers(@Envelope(spaces.readers) request: Request<typeof spaces.readers>) {
    if (request.payload.users.length === 0) return { userIds: [] };
    const users = request.payload.users.map(({ userId, kind, roles, staff }) => ({
      userId,
      kind,
      staff: roles ? isStaff(kind, roles) : (staff ?? false),
    }));
    return { userIds: await this.spaces.readers(request.payload.spaceId, users) };
  }

  @Handles(spaces.readableSpaces)
  async readable(@Envelope(spaces.readableSpaces) request: Request<typeof spaces.readableSpaces>) {
    const viewer = viewerOf(request.principal);
    const rows = await this.spaces.allVisible(viewer);
    return { spaceIds: rows.filter((row) => accessOf(viewer, accessFactsOf(row)).read).map((row) => row.id) };
  }
}
