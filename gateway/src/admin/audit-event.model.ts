import type { AuditEventReply } from '@kern/contracts';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from '../common/json.scalar';
import { toGlobalId } from '../common/global-id';
import { ConnectionType } from '../common/connection';

@ObjectType('AuditEvent', {
  description: 'A security event: failed sign-ins, token reuse, role and kind changes, suspensions.',
})
export class AuditEventModel {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field()
  action!: string;

  @Field(() => ID, { nullable: true, description: 'The user who acted, when known.' })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user the event is about, when there is one.' })
  subjectUserId!: string | null;

  @Field(() => String, { nullable: true })
  clientAddress!: string | null;

  @Field(() => GraphQLJSONObject)
  details!: Record<string, unknown>;

  static from(this: void, reply: AuditEventReply): AuditEventModel {
    return Object.assign(new AuditEventModel(), {
      id: reply.id,
      at: new Date(reply.at),
      action: reply.action,
      actorId: reply.actorId && toGlobalId('User', reply.actorId),
      subjectUserId: reply.subjectUserId && toGlobalId('User', reply.subjectUserId),
      clientAddress: reply.clientAddress,
      details: reply.details,
    });
  }
}

export const AuditEventConnectionModel = ConnectionType('AuditEvent', AuditEventModel);
