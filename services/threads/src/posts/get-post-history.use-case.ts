import type { PostEditReply, Principal } from '@kern/contracts';
import { forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { PostsRepository } from './posts.repository';

/**
 * Earlier versions are for the author and moderators: a correction should not be held against
 * anyone else. Each shows only to those who may read the space it was replaced in, so what was
 * written while the thread was internal stays internal after it moves into an EXTERNAL space.
 */
@Injectable()
export class GetPostHistoryUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly posts: PostsRepository,
    private readonly finder: ThreadFinder,
  ) {}

  async execute(postId: string, principal: Principal): Promise<PostEditReply[]> {
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
