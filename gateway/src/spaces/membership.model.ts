import { MembershipStatus, SpaceRole, type MembershipReply } from '@kern/contracts';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/connection';

registerEnumType(SpaceRole.enum, { name: 'SpaceRole' });
registerEnumType(MembershipStatus.enum, { name: 'MembershipStatus' });

@ObjectType('Membership')
export class MembershipModel {
  @Field(() => SpaceRole.enum)
  role!: SpaceRole;

  @Field(() => MembershipStatus.enum)
  status!: MembershipStatus;

  @Field()
  joinedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the member accepted the space's guidelines." })
  guidelinesAcceptedAt!: Date | null;

  /** The services' ids, resolved to `space` and `user` on demand. */
  spaceId!: string;
  userId!: string;

  static from(this: void, reply: MembershipReply): MembershipModel {
    return Object.assign(new MembershipModel(), {
      role: reply.role,
      status: reply.status,
      joinedAt: new Date(reply.joinedAt),
      guidelinesAcceptedAt: reply.guidelinesAcceptedAt ? new Date(reply.guidelinesAcceptedAt) : null,
      spaceId: reply.spaceId,
      userId: reply.userId,
    });
  }

  /** Members are paged by when they joined. */
  get cursor(): string {
    return Buffer.from(`${this.joinedAt.toISOString()}|${this.userId}`).toString('base64url');
  }
}

export const MembershipConnectionModel = ConnectionType('Membership', MembershipModel);
