import type { SessionReply } from '@kern/contracts';
import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field()
  accessToken!: string;

  @Field()
  refreshToken!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => UserModel)
  user!: UserModel;

  static from(this: void, reply: SessionReply): AuthPayloadModel {
    return Object.assign(new AuthPayloadModel(), {
      accessToken: reply.accessToken,
      refreshToken: reply.refreshToken,
      expiresAt: new Date(reply.expiresAt),
      user: UserModel.from(reply.user),
    });
  }
}
