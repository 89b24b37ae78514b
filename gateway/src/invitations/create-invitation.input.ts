import { MemberKind } from '@kern/contracts';
import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('CreateInvitationInput')
export class CreateInvitationInput {
  @Field()
  email!: string;

  @Field(() => MemberKind.enum)
  kind!: MemberKind;

  @Field(() => [ID], { nullable: true, description: 'Spaces the invitee joins on registering.' })
  spaceIds?: string[] | null;
}
