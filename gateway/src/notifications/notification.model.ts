import { NotificationKind, type NotificationReply } from '@kern/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '../common/page-info.model';
import { toGlobalId } from '../common/global-id';
import { NodeModel } from '../nodes/node.interface';

registerEnumType(NotificationKind.enum, { name: 'NotificationKind' });

@ObjectType('Notification', { implements: () => [NodeModel] })
export class NotificationModel implements NodeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind.enum)
  kind!: NotificationKind;

  @Field({ description: 'When the latest event it stands for happened.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field(() => Int, {
    description: 'How many events it stands for: a burst of replies in one thread is one notification.',
  })
  count!: number;

  /** The services' ids, resolved on demand (and filtered by what the viewer may see). */
  actorId!: string | null;
  threadId!: string | null;
  postId!: string | null;
  cursor!: string;

  static from(this: void, reply: NotificationReply): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: toGlobalId('Notification', reply.id),
      kind: reply.kind,
      createdAt: new Date(reply.createdAt),
      readAt: reply.readAt ? new Date(reply.readAt) : null,
      count: reply.count,
      actorId: reply.actorId,
      threadId: reply.threadId,
      postId: reply.postId,
      cursor: Buffer.from(reply.cursor).toString('base64url'),
    });
  }
}

@ObjectType('NotificationEdge')
export class NotificationEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => NotificationModel)
  node!: NotificationModel;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel {
  @Field(() => [NotificationEdgeModel])
  edges!: NotificationEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  unreadCount!: number;
}
