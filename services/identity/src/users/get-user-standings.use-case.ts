import type { MemberKind } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';

export interface UserStanding {
  id: string;
  kind: MemberKind;
  suspended: boolean;
}

/** For other services deciding who may be shown or notified: kind and suspension, whoever asks. */
@Injectable()
export class GetUserStandingsUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(input: { ids: string[] }): Promise<{ users: UserStanding[] }> {
    if (input.ids.length === 0) return { users: [] };
    return {
      users: (await this.users.findByIds(input.ids)).map((user) => ({
        id: user.id,
        kind: user.kind,
        suspended: user.suspendedAt !== null,
      })),
    };
  }
}
