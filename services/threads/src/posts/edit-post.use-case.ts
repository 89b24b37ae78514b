import { type PostReply, type Principal, type RequestOf, threads } from '@kern/contracts';
import { Database } from '@kern/database';
import { assertCanWrite, badInput, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { assertMayPost } from '../access/space-access.client';
import { ThreadFinder } from '../access/thread-finder';
import { LeakGuard } from '../leak-guard/leak-guard';
import { ModerationRepository } from '../moderation/moderation.repository';
import { type Admission, PostingPolicy } from '../moderation/posting-policy';
import { assertStillInSpace } from '../threads/still-writable';
import { ThreadsRepository } from '../threads/threads.repository';
import { renderMarkdown } from './markdown';
import { toPostReply } from './posts.mapper';
import { PostsRepository } from './posts.repository';

/**
 * Authors (and moderators) correct a post, keeping every earlier version. New text is new writing:
 * it passes the leak guard and the posting policy as a new post does (a benign post edited into
 * spam would otherwise stay up), and an edit the spam check holds hides the post until a moderator
 * decides.
 */
@Injectable()
export class EditPostUseCase {
  constructor(
    private readonly database: Database,
    private readonly finder: ThreadFinder,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly leakGuard: LeakGuard,
    private readonly policy: PostingPolicy,
    private readonly moderation: ModerationRepository,
  ) {}

  async execute(input: RequestOf<typeof threads.editPost>, principal: Principal): Promise<PostReply> {
    assertCanWrite(principal);
    const { post, thread, access, reader } = await this.finder.post(input.postId, principal);
    if (post.authorId !== principal.userId && !reader.moderator)
      throw forbidden('Only the author and moderators edit a post');
    // An author edits only where they could post (not banned, not archived); a moderator edits as moderator.
    if (!reader.moderator) assertMayPost(access);
    if (post.status === 'DELETED') throw badInput('A deleted post cannot be edited', { field: 'postId' });
    if (post.body === input.body) return toPostReply(post, reader);
    await this.leakGuard.check(
      {
        text: input.body,
        audience: access.audience,
        visibility: post.visibility,
        threadId: thread.id,
        confirmed: input.confirmPublic,
      },
      principal,
    );
    const admission = await this.policy.admit(principal, {
      kind: 'EDIT',
      postId: post.id,
      title: post.opening ? thread.title : undefined,
      body: input.body,
    });
    await this.database.transaction(async () => {
      // Post, then thread: the order every write that changes both takes, so two never wait on each other.
      const now = await this.posts.lockForWrite(post.id);
      if (!now || now.status === 'DELETED') throw badInput('A deleted post cannot be edited', { field: 'postId' });
      if (now.body === input.body) return;
      // The guard judged the text by the space it was in; a thread moved since is judged again.
      await assertStillInSpace(this.threads, thread);
      await this.posts.edit(post.id, input.body, renderMarkdown(input.body), principal.userId);
      // A hidden or already held post stays as it is; only a visible one is taken down.
      if (admission.status === 'PENDING_REVIEW' && now.status === 'VISIBLE')
        await this.hold(post.id, post.threadId, admission);
    });
    const after = await this.finder.post(input.postId, principal);
    return toPostReply(after.post, after.reader);
  }

  /** Like a held new post: logged, out of the counts, in the review queue. Its readers were told of it when it was written. */
  private async hold(postId: string, threadId: string, admission: Admission): Promise<void> {
    await this.posts.setStatus(postId, 'PENDING_REVIEW');
    await this.moderation.log(postId, null, 'HOLD', `spam check on edit: ${admission.spam?.reasons.join(', ')}`);
    await this.threads.recount(threadId);
  }
}
