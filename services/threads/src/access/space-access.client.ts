import { spaces, type PostDenial, type Principal, type SpaceAccess, type SpaceReply } from '@kern/contracts';
import { DomainError, forbidden, notFound, ServiceClient, unauthenticated } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Who may read and post where is the spaces service's to decide. Threads asks it on every request
 * rather than keeping a copy (see the spaces service's AccessController for why), so an audience
 * change, a ban or a removal counts from the next request on.
 */
@Injectable()
export class SpaceAccessClient {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  /** Access to each space the principal may see; spaces it may not see are absent. */
  async forSpaces(spaceIds: string[], principal: Principal): Promise<Map<string, SpaceAccess>> {
    const unique = [...new Set(spaceIds)];
    if (unique.length === 0) return new Map();
    const { access } = await this.client.call(spaces.checkAccess, { spaceIds: unique }, principal);
    return new Map(access.map((entry) => [entry.spaceId, entry]));
  }

  /** Access to a space whose threads the principal lists: NOT_FOUND when they may not see it, FORBIDDEN when they may see but not read it. */
  async listable(spaceId: string, principal: Principal): Promise<SpaceAccess> {
    const access = (await this.forSpaces([spaceId], principal)).get(spaceId);
    if (!access) throw notFound('Space');
    if (!access.read) throw forbidden('Join this space to read its threads');
    return access;
  }

  /** The space itself (its topics and language), when the principal may read it. */
  async space(spaceId: string, principal: Principal): Promise<SpaceReply> {
    try {
      const space = await this.client.call(spaces.getSpace, { id: spaceId }, principal);
      if (!space.viewerAccess.read) throw notFound('Space');
      return space;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound('Space');
      throw error;
    }
  }

  async readableSpaceIds(principal: Principal): Promise<string[]> {
    return (await this.client.call(spaces.readableSpaces, {}, principal)).spaceIds;
  }
}

const DENIALS: Record<PostDenial, string> = {
  UNAUTHENTICATED: 'Sign in to post',
  READ_ONLY_CREDENTIAL: 'This API token may only read',
  EMAIL_UNVERIFIED: 'Confirm your e-mail address before posting',
  ARCHIVED: 'This space is archived',
  BANNED: 'You are banned from this space',
  NOT_A_MEMBER: 'Join this space to post in it',
  GUIDELINES_NOT_ACCEPTED: "Accept this space's guidelines (join it with acceptGuidelines: true) before posting",
};

/** Turns the spaces service's reason into the error a client sees; the reason travels as `details.reason`. */
export function assertMayPost(access: SpaceAccess): void {
  if (access.post) return;
  const reason = access.postDenial ?? 'NOT_A_MEMBER';
  if (reason === 'UNAUTHENTICATED') throw unauthenticated(DENIALS[reason]);
  throw forbidden(DENIALS[reason], reason);
}
