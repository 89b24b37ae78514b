import { FlagReason, ModerationAction } from '@kern/contracts';
import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';

registerEnumType(FlagReason.enum, { name: 'FlagReason' });
registerEnumType(ModerationAction.enum, {
  name: 'ModerationAction',
  valuesMap: {
    DISMISS_FLAGS: {
      description: '"No problem": resolves the open flags and shows the post again if flags had hidden it.',
    },
  },
});

@InputType('FlagPostInput')
export class FlagPostInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => FlagReason.enum)
  reason!: FlagReason;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType('ModeratePostInput')
export class ModeratePostInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => ModerationAction.enum)
  action!: ModerationAction;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
