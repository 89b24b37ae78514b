import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { FollowsModule } from '../follows/follows.module';
import { LeakGuardModule } from '../leak-guard/leak-guard.module';
import { ModerationModule } from '../moderation/moderation.module';
import { DeletePostUseCase } from './delete-post.use-case';
import { DeletedPostsPurger } from './deleted-posts.purger';
import { EditPostUseCase } from './edit-post.use-case';
import { GetPostHistoryUseCase } from './get-post-history.use-case';
import { GetPostsUseCase } from './get-posts.use-case';
import { ListPostsUseCase } from './list-posts.use-case';
import { MarkHelpfulUseCase } from './mark-helpful.use-case';
import { PostsController } from './posts.controller';
import { ReplyUseCase } from './reply.use-case';

/** Posts: replies and internal notes, reading them, edits and their history, deletion, helpful marks. */
@Module({
  imports: [AccessModule, FollowsModule, LeakGuardModule, ModerationModule],
  controllers: [PostsController],
  providers: [
    ReplyUseCase,
    ListPostsUseCase,
    GetPostsUseCase,
    GetPostHistoryUseCase,
    EditPostUseCase,
    DeletePostUseCase,
    MarkHelpfulUseCase,
    DeletedPostsPurger,
  ],
})
export class PostsModule {}
