import { ApiScope, type ApiTokenReply } from '@kern/contracts';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toGlobalId } from '../common/global-id';

registerEnumType(ApiScope.enum, { name: 'ApiScope' });

@ObjectType('ApiToken', { description: 'A personal API token, without its secret (shown only when created).' })
export class ApiTokenModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [ApiScope.enum])
  scopes!: ApiScope[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  static from(this: void, reply: ApiTokenReply): ApiTokenModel {
    return Object.assign(new ApiTokenModel(), {
      id: toGlobalId('ApiToken', reply.id),
      name: reply.name,
      scopes: reply.scopes,
      createdAt: new Date(reply.createdAt),
      lastUsedAt: reply.lastUsedAt ? new Date(reply.lastUsedAt) : null,
    });
  }
}

@ObjectType('ApiTokenPayload')
export class ApiTokenPayloadModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Shown once.' })
  token!: string;

  @Field(() => [ApiScope.enum])
  scopes!: ApiScope[];

  @Field()
  name!: string;

  static from(this: void, reply: ApiTokenReply & { token: string }): ApiTokenPayloadModel {
    return Object.assign(new ApiTokenPayloadModel(), {
      id: toGlobalId('ApiToken', reply.id),
      token: reply.token,
      scopes: reply.scopes,
      name: reply.name,
    });
  }
}
