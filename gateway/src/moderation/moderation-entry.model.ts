import type { ModerationEntryReply } from '@kern/contracts';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../common/global-id';

@ObjectType('ModerationEntry', {
  description: 'What a moderator (or Kern itself: a spam hold, a post hidden by flags) did to a post.',
})
export class ModerationEntryModel {
  @Field(() => ID, { nullable: true, description: 'The moderator; null when Kern acted itself.' })
  moderatorId!: string | null;

  @Field()
  action!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  at!: Date;

  static from(this: void, reply: ModerationEntryReply): ModerationEntryModel {
    return Object.assign(new ModerationEntryModel(), {
      moderatorId: reply.moderatorId && toGlobalId('User', reply.moderatorId),
      action: reply.action,
      reason: reply.reason,
      at: new Date(reply.at),
    });
  }
}
