import { Field, InputType } from '@nestjs/graphql';

/** Checked by the identity service, which owns the rules; the gateway only carries it. */
@InputType('RegisterInput')
export class RegisterInput {
  @Field()
  email!: string;

  @Field()
  password!: string;

  @Field()
  displayName!: string;

  @Field()
  handle!: string;

  @Field(() => String, {
    nullable: true,
    description: 'An invitation makes the new account an EMPLOYEE (or whatever kind it names) at once.',
  })
  invitationToken?: string | null;
}
