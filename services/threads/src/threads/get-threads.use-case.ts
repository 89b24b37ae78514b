import type { Principal, ThreadReply } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { NO_ACCESS, NOTHING } from '../access/nothing';
import { byReadableSpace, spacesToAsk } from '../access/readable-groups';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { toThreadReply } from './threads.mapper';
import { ThreadsRepository } from './threads.repository';

/**
 * Threads the principal may read, asked space by space; the others are simply not there. An id
 * that matches nothing takes the steps a hidden one takes (one spaces call, one lookup), so
 * neither the answer nor its timing tells them apart (nor a linked internal thread from no link).
 */
@Injectable()
export class GetThreadsUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly threads: ThreadsRepository,
  ) {}

  async execute(ids: string[], principal: Principal): Promise<ThreadReply[]> {
    const spaceOf = await this.threads.spacesOf(ids);
    const where = (id: string) => spaceOf.get(id);
    const access = await this.spaces.forSpaces(spacesToAsk(ids, where), principal);
    const { groups, outside } = byReadableSpace(ids, where, access);
    const found: ThreadReply[] = [];
    for (const group of groups) {
      const reader = readerOf(principal, group.access);
      found.push(...(await this.threads.findVisible(reader, group.ids)).map((thread) => toThreadReply(thread, reader)));
    }
    if (outside) await this.threads.findVisible(readerOf(principal, NO_ACCESS), [NOTHING]);
    return found;
  }
}
