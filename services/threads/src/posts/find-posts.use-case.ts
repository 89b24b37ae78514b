import type { PostEditReply, PostReply, Principal } from '@kern/contracts';
import { forbidden, parseSequenceCursor } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { NO_ACCESS, NOTHING } from '../access/nothing';
import { byReadableSpace, spacesToAsk } from '../access/readable-groups';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { toPostReply } from './posts.mapper';
import { PostsRepository } from './posts.repository';

@Injectable()
export class FindPostsUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly posts: PostsRepository,
    private readonly finder: ThreadFinder,
  ) {}

  async list(
    query: { threadId: string; first: number; after?: string },
    principal: Principal,
  ): Promise<{ posts: PostReply[]; hasNextPage: boolean }> {
    const { thread, reader } = await this.finder.thread(query.threadId, principal);
    const after = query.after === undefined ? undefined : parseSequenceCursor(query.after);
    const rows = await this.posts.listReplies(reader, thread.id, query.first, after);
    return {
      posts: rows.slice(0, query.first).map((row) => toPostReply(row, reader)),
      hasNextPage: rows.length > query.first,
    };
  }

  /** Posts the principal may see, asked space by space; the others are simply not there (a missing id takes a hidden one's steps). */
  async getMany(ids: string[], principal: Principal): Promise<PostReply[]> {
    const places = new Map((await this.posts.placesOf(ids)).map((place) => [place.id, place.spaceId]));
    const where = (id: string) => places.get(id);
    const access = await this.spaces.forSpaces(spacesToAsk(ids, where), principal);
    const { groups, outside } = byReadableSpace(ids, where, access);
    const found: PostReply[] = [];
    for (const group of groups) {
      const reader = readerOf(principal, group.access);
      found.push(...(await this.posts.findVisible(reader, group.ids)).map((row) => toPostReply(row, reader)));
    }
    if (outside) await this.posts.findVisible(readerOf(principal, NO_ACCESS), [NOTHING]);
    return found;
  }

  /**
   * Earlier versions are for the author and moderators: a correction should not be held against
   * anyone else. Each shows only to those who may read the space it was replaced in, so what was
   * written while the thread was internal stays internal after it moves into an EXTERNAL space.
   */
  async history(postId: string, principal: Principal): Promise<PostEditReply[]> {
    const { post, thread, reader } = await this.finder.post(postId, principal);
    if (post.authorId !== reader.userId && !reader.moderator)
      throw forbidden("Only the post's author and moderators see its earlier versions");
    const edits = await this.posts.history(post.id);
    // The thread's own space is readable (it was found); only a moved thread's other spaces are asked about.
    const elsewhere = edits.flatMap((edit) => (edit.spaceId && edit.spaceId !== thread.spaceId ? [edit.spaceId] : []));
    const access = await this.spaces.forSpaces(elsewhere, principal);
    const readable = (spaceId: string | null) =>
      spaceId === null ? reader.employee : spaceId === thread.spaceId || access.get(spaceId)?.read === true;
    return edits
      .filter((edit) => readable(edit.spaceId))
      .map((edit) => ({
        previousBody: edit.previousBody,
        editorId: edit.editorId,
        editedAt: edit.editedAt.toISOString(),
      }));
  }
}
