import { Field, InputType } from '@nestjs/graphql';

@InputType('CreateTopicInput')
export class CreateTopicInput {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  parentSlug?: string | null;
}
