import { ANONYMOUS, identity, type MemberKind, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { ProfilesRepository, type ProfileRecord } from './profiles.repository';

/** A user as expertise shows them: their kind and standing from identity, their profile from here. */
export interface Person extends ProfileRecord {
  kind: MemberKind;
  suspended: boolean;
}

const STANDINGS_PER_CALL = 1000;

/**
 * Who may see whose expertise. Employees see everyone. Customers and anonymous readers see
 * customers, and those employees who chose to be ambassadors (only an employee can be one); every
 * other employee's profile does not exist for them.
 */
export function mayView(viewer: Principal, person: Person): boolean {
  if (viewer.kind === 'EMPLOYEE') return true;
  if (viewer.kind !== 'ANONYMOUS' && viewer.userId === person.userId) return true;
  return person.kind === 'CUSTOMER' || person.ambassador;
}

@Injectable()
export class People {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly profiles: ProfilesRepository,
  ) {}

  /** Known users only; an ambassador flag counts only while its holder is an employee. */
  async find(userIds: string[]): Promise<Map<string, Person>> {
    const unique = [...new Set(userIds)];
    const profiles = await this.profiles.findMany(unique);
    const people = new Map<string, Person>();
    for (let start = 0; start < unique.length; start += STANDINGS_PER_CALL) {
      const { users } = await this.client.call(
        identity.getStandings,
        { ids: unique.slice(start, start + STANDINGS_PER_CALL) },
        ANONYMOUS,
      );
      for (const user of users) {
        const profile = profiles.get(user.id)!;
        people.set(user.id, {
          ...profile,
          ambassador: profile.ambassador && user.kind === 'EMPLOYEE',
          kind: user.kind,
          suspended: user.suspended,
        });
      }
    }
    return people;
  }
}
