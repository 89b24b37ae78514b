import { hasRole, type Principal } from '@kern/contracts';
import { forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';

/** Community numbers (suspended accounts left out), for those who look after the community. */
@Injectable()
export class CountUsersUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(principal: Principal): Promise<{ employees: number; customers: number }> {
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers see community numbers');
    return this.users.countByKind();
  }
}
