import type { Principal, UserReply } from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { toUserReply } from './user.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class GetUserUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(query: { id: string } | { handle: string }, viewer: Principal): Promise<UserReply> {
    const user = 'id' in query ? await this.users.findById(query.id) : await this.users.findByHandle(query.handle);
    if (!user) throw notFound('User');
    return toUserReply(user, viewer);
  }

  async standings(ids: string[]): Promise<Array<{ id: string; kind: UserReply['kind']; suspended: boolean }>> {
    if (ids.length === 0) return [];
    return (await this.users.findByIds(ids)).map((user) => ({
      id: user.id,
      kind: user.kind,
      suspended: user.suspendedAt !== null,
    }));
  }

  async many(ids: string[], viewer: Principal): Promise<UserReply[]> {
    if (ids.length === 0) return [];
    return (await this.users.findByIds(ids)).map((user) => toUserReply(user, viewer));
  }
}
