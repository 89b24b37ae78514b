import { ANONYMOUS, identity, type PlatformRole, type PostVisibility, spaces } from '@kern/contracts';
import { DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';

const USERS_PER_CALL = 100;
const READERS_PER_CALL = 1000;

/**
 * The boundary at delivery: of the intended recipients, those who may read the post right now
 * (the space's rules as the spaces service applies them today; internal notes for employees only).
 * Asked in batches, so a thread with 10,000 watchers costs a few
 * hundred calls in the background, never a slower reply.
 */
@Injectable()
export class DeliveryAudience {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  async mayRead(spaceId: string, visibility: PostVisibility, userIds: string[]): Promise<string[]> {
    const users: Array<{ userId: string; kind: 'EMPLOYEE' | 'CUSTOMER'; roles: PlatformRole[] }> = [];
    for (let start = 0; start < userIds.length; start += USERS_PER_CALL) {
      // Anonymous: the fan-out acts for nobody in particular and needs no one's private fields.
      const { users: found } = await this.client.call(
        identity.getUsers,
        { ids: userIds.slice(start, start + USERS_PER_CALL) },
        ANONYMOUS,
      );
      for (const user of found) {
        if (visibility === 'INTERNAL' && user.kind !== 'EMPLOYEE') continue;
        users.push({ userId: user.id, kind: user.kind, roles: user.roles });
      }
    }
    const readers: string[] = [];
    for (let start = 0; start < users.length; start += READERS_PER_CALL) {
      const { userIds: allowed } = await this.client.call(
        spaces.readers,
        { spaceId, users: users.slice(start, start + READERS_PER_CALL) },
        ANONYMOUS,
      );
      readers.push(...allowed);
    }
    return readers;
  }

  /**
   * The ids of these handles, for mentions. Unknown handles are ignored; any other failure (identity
   * not answering) is thrown, so the event is delivered again instead of losing its mentions.
   */
  async idsOfHandles(handles: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const handle of handles) {
      const user = await this.client.call(identity.getUser, { handle }, ANONYMOUS).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
        throw error;
      });
      if (user) ids.push(user.id);
    }
    return ids;
  }
}
