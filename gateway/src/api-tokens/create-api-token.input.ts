import { ApiScope } from '@kern/contracts';
import { Field, InputType } from '@nestjs/graphql';

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field()
  name!: string;

  @Field(() => [ApiScope.enum])
  scopes!: ApiScope[];
}
