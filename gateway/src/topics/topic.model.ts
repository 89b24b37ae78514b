import type { TopicReply } from '@kern/contracts';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../common/global-id';
import { NodeModel } from '../nodes/node.interface';

@ObjectType('Topic', { implements: () => [NodeModel] })
export class TopicModel implements NodeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  /** The expertise service's id of the parent, resolved to `parent` on demand. */
  parentId!: string | null;

  static from(this: void, reply: TopicReply): TopicModel {
    return Object.assign(new TopicModel(), {
      id: toGlobalId('Topic', reply.id),
      slug: reply.slug,
      name: reply.name,
      parentId: reply.parentId,
    });
  }
}
