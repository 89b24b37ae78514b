import { Field, InputType } from '@nestjs/graphql';

@InputType('UpdateProfileInput', { description: 'Only the fields given change; an empty headline or bio removes it.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  headline?: string | null;

  @Field(() => String, { nullable: true })
  bio?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Employees only.' })
  ambassador?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  openToQuestions?: boolean | null;
}
