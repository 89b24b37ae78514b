import { PostStatus, PostVisibility, type PostEditReply, type PostReply } from '@kern/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/connection';
import { toGlobalId } from '../common/global-id';
import { NodeModel } from '../nodes/node.interface';

registerEnumType(PostVisibility.enum, {
  name: 'PostVisibility',
  description: 'INTERNAL: an internal note inside any thread, visible to employees only.',
});
registerEnumType(PostStatus.enum, { name: 'PostStatus' });

@ObjectType('Post', { implements: () => [NodeModel] })
export class PostModel implements NodeModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Markdown as written; empty for a deleted post (moderators keep it for 30 days).' })
  body!: string;

  @Field({ description: 'Sanitised HTML rendered from the markdown body.' })
  bodyHtml!: string;

  @Field(() => PostVisibility.enum)
  visibility!: PostVisibility;

  @Field(() => PostStatus.enum)
  status!: PostStatus;

  @Field(() => Int)
  helpfulCount!: number;

  @Field()
  viewerMarkedHelpful!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;

  /** The services' ids, resolved on demand. */
  postId!: string;
  threadId!: string;
  authorId!: string;
  replyToPostId!: string | null;
  /** The service's paging key, made opaque. */
  cursor!: string;

  static from(this: void, reply: PostReply): PostModel {
    return Object.assign(new PostModel(), {
      id: toGlobalId('Post', reply.id),
      body: reply.body,
      bodyHtml: reply.bodyHtml,
      visibility: reply.visibility,
      status: reply.status,
      helpfulCount: reply.helpfulCount,
      viewerMarkedHelpful: reply.viewerMarkedHelpful,
      createdAt: new Date(reply.createdAt),
      editedAt: reply.editedAt ? new Date(reply.editedAt) : null,
      postId: reply.id,
      threadId: reply.threadId,
      authorId: reply.authorId,
      replyToPostId: reply.replyToPostId,
      cursor: Buffer.from(reply.cursor).toString('base64url'),
    });
  }
}

export const PostConnectionModel = ConnectionType('Post', PostModel);

@ObjectType('PostEdit', { description: 'An earlier version of a post.' })
export class PostEditModel {
  @Field({ description: 'The text before this edit.' })
  previousBody!: string;

  @Field()
  editedAt!: Date;

  editorId!: string;

  static from(this: void, reply: PostEditReply): PostEditModel {
    return Object.assign(new PostEditModel(), {
      previousBody: reply.previousBody,
      editedAt: new Date(reply.editedAt),
      editorId: reply.editorId,
    });
  }
}
