import { identity, type MemberKind, type Principal } from '@kern/contracts';
import { notFound, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';

const BATCH = 100;

/**
 * Whether someone is an employee or a customer is the identity service's to say, and it can change
 * (an employee leaves), so spaces ask at the moment it matters instead of keeping a copy.
 */
@Injectable()
export class MemberKinds {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  async of(userId: string, principal: Principal): Promise<MemberKind> {
    const kinds = await this.ofMany([userId], principal);
    const kind = kinds.get(userId);
    if (!kind) throw notFound('User');
    return kind;
  }

  async ofMany(userIds: string[], principal: Principal): Promise<Map<string, MemberKind>> {
    const kinds = new Map<string, MemberKind>();
    for (let start = 0; start < userIds.length; start += BATCH) {
      const { users } = await this.client.call(
        identity.getUsers,
        { ids: userIds.slice(start, start + BATCH) },
        principal,
      );
      for (const user of users) kinds.set(user.id, user.kind);
    }
    return kinds;
  }
}
