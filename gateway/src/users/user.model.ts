import { MemberKind, PlatformRole, type UserReply } from '@kern/contracts';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toGlobalId } from '../common/global-id';
import { NodeModel } from '../nodes/node.interface';

registerEnumType(MemberKind.enum, { name: 'MemberKind' });
registerEnumType(PlatformRole.enum, {
  name: 'PlatformRole',
  description: 'Platform-wide roles; space roles are separate.',
});

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

  @Field(() => String, {
    nullable: true,
    description: 'Only for the user themself and platform admins; null for everyone else.',
  })
  email!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the e-mail address is confirmed; only for the user themself and platform admins.',
  })
  emailVerified!: boolean | null;

  @Field(() => [PlatformRole.enum])
  roles!: PlatformRole[];

  @Field(() => Boolean, { nullable: true, description: 'Only for platform admins; null for everyone else.' })
  suspended!: boolean | null;

  static from(this: void, reply: UserReply): UserModel {
    return Object.assign(new UserModel(), {
      id: toGlobalId('User', reply.id),
      handle: reply.handle,
      displayName: reply.displayName,
      kind: reply.kind,
      email: reply.email,
      emailVerified: reply.emailVerified,
      roles: reply.roles,
      suspended: reply.suspended,
    });
  }
}
