import { type ReplyOf, type RequestOf, spaces } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { SpacesRepository } from '../spaces/spaces.repository';
import { isStaff } from './viewer';

/** Which of many users may read a space now (a notification fan-out): one query however many there are. */
@Injectable()
export class ListReadersUseCase {
  constructor(private readonly spaces: SpacesRepository) {}

  async execute({ spaceId, users }: RequestOf<typeof spaces.readers>): Promise<ReplyOf<typeof spaces.readers>> {
    if (users.length === 0) return { userIds: [] };
    const readers = users.map(({ userId, kind, roles, staff }) => ({
      userId,
      kind,
      // Staff is decided here from kind and roles. The deprecated flag counts only from callers that send no
      // roles, and, as roles do, only for employees: a stale flag must not carry a customer inside.
      staff: roles ? isStaff(kind, roles) : kind === 'EMPLOYEE' && staff === true,
    }));
    return { userIds: await this.spaces.readers(spaceId, readers) };
  }
}
