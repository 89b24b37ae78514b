import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { DeletePostUseCase } from './delete-post.use-case';
import { EditPostUseCase } from './edit-post.use-case';
import { GetPostHistoryUseCase } from './get-post-history.use-case';
import { GetPostsUseCase } from './get-posts.use-case';
import { ListPostsUseCase } from './list-posts.use-case';
import { MarkHelpfulUseCase } from './mark-helpful.use-case';
import { ReplyUseCase } from './reply.use-case';

@Controller()
export class PostsController {
  constructor(
    private readonly replying: ReplyUseCase,
    private readonly listPosts: ListPostsUseCase,
    private readonly getPosts: GetPostsUseCase,
    private readonly postHistory: GetPostHistoryUseCase,
    private readonly editing: EditPostUseCase,
    private readonly deleting: DeletePostUseCase,
    private readonly helpful: MarkHelpfulUseCase,
  ) {}

  @Handles(threads.reply)
  reply(@Envelope(threads.reply) request: Request<typeof threads.reply>) {
    return this.replying.execute(request.payload, request.principal);
  }

  @Handles(threads.listPosts)
  list(@Envelope(threads.listPosts) request: Request<typeof threads.listPosts>) {
    return this.listPosts.execute(request.payload, request.principal);
  }

  @Handles(threads.getPosts)
  async getMany(@Envelope(threads.getPosts) request: Request<typeof threads.getPosts>) {
    return { posts: await this.getPosts.execute(request.payload.ids, request.principal) };
  }

  @Handles(threads.postHistory)
  async history(@Envelope(threads.postHistory) request: Request<typeof threads.postHistory>) {
    return { edits: await this.postHistory.execute(request.payload.postId, request.principal) };
  }

  @Handles(threads.editPost)
  edit(@Envelope(threads.editPost) request: Request<typeof threads.editPost>) {
    return this.editing.execute(request.payload, request.principal);
  }

  @Handles(threads.deletePost)
  delete(@Envelope(threads.deletePost) request: Request<typeof threads.deletePost>) {
    return this.deleting.execute(request.payload.postId, request.principal);
  }

  @Handles(threads.markHelpful)
  markHelpful(@Envelope(threads.markHelpful) request: Request<typeof threads.markHelpful>) {
    return this.helpful.execute(request.payload, request.principal);
  }
}
