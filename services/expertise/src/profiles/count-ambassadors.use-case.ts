import { hasRole, type Principal } from '@kern/contracts';
import { forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { People } from './people';
import { ProfilesRepository } from './profiles.repository';

/** How many employees show themselves to customers now: a community number for staff. */
@Injectable()
export class CountAmbassadorsUseCase {
  constructor(
    private readonly people: People,
    private readonly profiles: ProfilesRepository,
  ) {}

  /** Ambassador flags count only while their holders are employees, and not suspended. */
  async execute(principal: Principal): Promise<number> {
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers see community numbers');
    const people = await this.people.find(await this.profiles.ambassadorIds());
    return [...people.values()].filter((person) => person.ambassador && !person.suspended).length;
  }
}
