import type { Principal, UserReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { toUserReply } from './user.mapper';
import { UsersRepository } from './users.repository';

/** Several users, as `viewer` may see them; unknown ids are left out. */
@Injectable()
export class GetUsersUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(input: { ids: string[] }, viewer: Principal): Promise<{ users: UserReply[] }> {
    if (input.ids.length === 0) return { users: [] };
    return { users: (await this.users.findByIds(input.ids)).map((user) => toUserReply(user, viewer)) };
  }
}
