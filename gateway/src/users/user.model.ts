import { MemberKind, type UserReply } from '@kern/contracts';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toGlobalId } from '../common/global-id';
import { NodeModel } from '../nodes/node.interface';

registerEnumType(MemberKind.enum, { name: 'MemberKind' });

@ObjectType('User', { implements: () => [NodeModel] })
export class UserModel implements NodeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  handle!: string;

  @Field()
  displayName!: string;

  @Field(() => MemberKind.enum)
  kind!: MemberKind;

  @Field(() => String, { nullable: true, description: 'Only for the user themself and platform admins; null for everyone else.' })
  email!: string | null;

  static from(reply: UserReply): UserModel {
    return Object.assign(new UserModel(), {
      id: toGlobalId('User', reply.id),
      handle: reply.handle,
      displayName: reply.displayName,
      kind: reply.kind,
      email: reply.email,
    });
  }
}
