import { FollowLevel, ThreadKind, type ThreadReply } from '@kern/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/connection';
import { toGlobalId } from '../common/global-id';
import { NodeModel } from '../nodes/node.interface';
import { PostModel } from './post.model';

registerEnumType(ThreadKind.enum, { name: 'ThreadKind' });
registerEnumType(FollowLevel.enum, { name: 'FollowLevel' });

@ObjectType('Thread', { implements: () => [NodeModel] })
export class ThreadModel implements NodeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ThreadKind.enum)
  kind!: ThreadKind;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field({ description: 'Sanitised HTML rendered from the markdown body.' })
  bodyHtml!: string;

  @Field(() => PostModel, { description: "The thread's own text as a post: edit, flag or mark it helpful through it." })
  openingPost!: PostModel;

  @Field()
  createdAt!: Date;

  @Field()
  lastActivityAt!: Date;

  @Field(() => Int, { description: 'Replies the viewer can see.' })
  replyCount!: number;

  @Field()
  locked!: boolean;

  @Field({ description: "Whether the viewer moderates the thread's space." })
  viewerCanModerate!: boolean;

  @Field(() => FollowLevel.enum, {
    description: "The viewer's level: their own, or inherited from the space's; NORMAL otherwise.",
  })
  viewerFollowLevel!: FollowLevel;

  @Field(() => Int, {
    nullable: true,
    description: 'Replies the viewer has not read, in threads they watch or track; null otherwise.',
  })
  unreadCount!: number | null;

  /** The services' ids, resolved on demand. */
  threadId!: string;
  spaceId!: string;
  authorId!: string;
  topicIds!: string[];
  acceptedPostId!: string | null;
  createdAtRaw!: string;

  static from(this: void, reply: ThreadReply): ThreadModel {
    return Object.assign(new ThreadModel(), {
      id: toGlobalId('Thread', reply.id),
      kind: reply.kind,
      title: reply.title,
      body: reply.openingPost.body,
      bodyHtml: reply.openingPost.bodyHtml,
      openingPost: PostModel.from(reply.openingPost),
      createdAt: new Date(reply.createdAt),
      lastActivityAt: new Date(reply.lastActivityAt),
      replyCount: reply.replyCount,
      locked: reply.locked,
      viewerCanModerate: reply.viewerCanModerate,
      viewerFollowLevel: reply.viewerFollowLevel,
      unreadCount: reply.unreadCount,
      threadId: reply.id,
      spaceId: reply.spaceId,
      authorId: reply.authorId,
      topicIds: reply.topicIds,
      acceptedPostId: reply.acceptedPostId,
      createdAtRaw: reply.createdAt,
    });
  }

  /** Threads are paged newest first, by creation. */
  get cursor(): string {
    return Buffer.from(`${this.createdAtRaw}|${this.threadId}`).toString('base64url');
  }
}

export const ThreadConnectionModel = ConnectionType('Thread', ThreadModel);
