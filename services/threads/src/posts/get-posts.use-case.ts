import type { PostReply, Principal } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { NO_ACCESS, NOTHING } from '../access/nothing';
import { byReadableSpace, spacesToAsk } from '../access/readable-groups';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { toPostReply } from './posts.mapper';
import { PostsRepository } from './posts.repository';

/** Posts the principal may see, asked space by space; the others are simply not there (a missing id takes a hidden one's steps). */
@Injectable()
export class GetPostsUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly posts: PostsRepository,
  ) {}

  async execute(ids: string[], principal: Principal): Promise<PostReply[]> {
    const places = new Map((await this.posts.placesOf(ids)).map((place) => [place.id, place.spaceId]));
    const where = (id: string) => places.get(id);
    const access = await this.spaces.forSpaces(spacesToAsk(ids, where), principal);
    const { groups, outside } = byReadableSpace(ids, where, access);
    const found: PostReply[] = [];
    for (const group of groups) {
      const reader = readerOf(principal, group.access);
      found.push(...(await this.posts.findVisible(reader, group.ids)).map((post) => toPostReply(post, reader)));
    }
    if (outside) await this.posts.findVisible(readerOf(principal, NO_ACCESS), [NOTHING]);
    return found;
  }
}
