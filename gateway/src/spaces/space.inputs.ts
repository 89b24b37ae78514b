import { Audience, JoinPolicy, SpacePurpose, type SpaceLanguage } from '@kern/contracts';
import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('CreateSpaceInput')
export class CreateSpaceInput {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => Audience.enum)
  audience!: Audience;

  @Field(() => JoinPolicy.enum)
  joinPolicy!: JoinPolicy;

  @Field(() => [String], { description: 'Topic slugs from the expertise taxonomy.' })
  topics!: string[];

  @Field(() => String, { nullable: true })
  guidelines?: string | null;

  @Field(() => SpacePurpose.enum, {
    nullable: true,
    description: 'Defaults to SERVICE for EXTERNAL spaces and PRACTICE for INTERNAL ones.',
  })
  purpose?: SpacePurpose | null;

  @Field(() => String, { nullable: true, description: '`en` (the default) or `nl`.' })
  language?: SpaceLanguage | null;
}

@InputType('UpdateSpaceInput', { description: 'Only the fields given change.' })
export class UpdateSpaceInput {
  @Field(() => ID)
  spaceId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Audience.enum, {
    nullable: true,
    description:
      'EXTERNAL -> INTERNAL is refused while customers are members; INTERNAL -> EXTERNAL needs confirmPublish.',
  })
  audience?: Audience | null;

  @Field(() => JoinPolicy.enum, { nullable: true })
  joinPolicy?: JoinPolicy | null;

  @Field(() => SpacePurpose.enum, { nullable: true })
  purpose?: SpacePurpose | null;

  @Field(() => String, { nullable: true, description: '`en` or `nl`.' })
  language?: SpaceLanguage | null;

  @Field(() => [String], { nullable: true })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: 'An empty string removes the guidelines.' })
  guidelines?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Confirms that making the space EXTERNAL shows everything in it to customers.',
  })
  confirmPublish?: boolean | null;
}
