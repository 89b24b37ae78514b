import { MemberKind, type InvitationReply } from '@kern/contracts';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../common/global-id';

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => MemberKind.enum)
  kind!: MemberKind;

  @Field({ description: 'Shown once, to the inviter; in production it is also e-mailed.' })
  token!: string;

  @Field()
  expiresAt!: Date;

  static from(this: void, reply: InvitationReply): InvitationModel {
    return Object.assign(new InvitationModel(), {
      id: toGlobalId('Invitation', reply.id),
      email: reply.email,
      kind: reply.kind,
      token: reply.token,
      expiresAt: new Date(reply.expiresAt),
    });
  }
}
