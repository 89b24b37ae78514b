import type { PostReply, Principal } from '@kern/contracts';
import { assertCanWrite, badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { ThreadFinder } from '../access/thread-finder';
import { toPostReply } from './post-row';
import { PostsRepository } from './posts.repository';

/** One helpful mark per reader and post, which they may take back; never on one's own post. */
@Injectable()
export class MarkHelpfulUseCase {
  constructor(
    private readonly finder: ThreadFinder,
    private readonly posts: PostsRepository,
  ) {}

  async execute(input: { postId: string; helpful: boolean }, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const { post } = await this.finder.post(input.postId, principal);
    if (post.author_id === principal.userId) throw badInput('You cannot mark your own post as helpful', { field: 'postId' });
    if (post.status !== 'VISIBLE') throw badInput('Only visible posts can be marked helpful', { field: 'postId' });
    await this.posts.setHelpful(post.id, principal.userId, input.helpful);
    const { post: updated, reader } = await this.finder.post(input.postId, principal);
    return toPostReply(updated, reader);
  }
}
