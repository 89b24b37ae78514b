import type { Principal, UserReply } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { toUserReply } from './user.mapper';
import { UsersRepository } from './users.repository';

/** One user by id or by handle, as `viewer` may see them. */
@Injectable()
export class GetUserUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(query: { id: string } | { handle: string }, viewer: Principal): Promise<UserReply> {
    const user = 'id' in query ? await this.users.findById(query.id) : await this.users.findByHandle(query.handle);
    if (!user) throw notFound('User');
    return toUserReply(user, viewer);
  }
}
