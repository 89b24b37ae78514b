import { PostVisibility, ThreadKind } from '@kern/contracts';
import { Field, ID, InputType } from '@nestjs/graphql';

const CONFIRM_PUBLIC =
  'Sends text that links to or repeats internal content to customers anyway: the leak guard answers CONFIRMATION_REQUIRED (with `extensions.reason`) until it is set.';

@InputType('StartThreadInput')
export class StartThreadInput {
  @Field(() => ID)
  spaceId!: string;

  @Field(() => ThreadKind.enum)
  kind!: ThreadKind;

  @Field({ description: '3-200 characters.' })
  title!: string;

  @Field({ description: 'Markdown, 1-50,000 characters.' })
  body!: string;

  @Field(() => [String], { nullable: true, description: "Topic slugs; the space's topics when none are given." })
  topics?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: CONFIRM_PUBLIC })
  confirmPublic?: boolean | null;
}

@InputType('ReplyInput')
export class ReplyInput {
  @Field(() => ID)
  threadId!: string;

  @Field({ description: 'Markdown, 1-50,000 characters.' })
  body!: string;

  @Field(() => PostVisibility.enum, {
    nullable: true,
    description: 'EVERYONE by default; INTERNAL (employees only) makes an internal note.',
  })
  visibility?: PostVisibility | null;

  @Field(() => ID, { nullable: true })
  replyToPostId?: string | null;

  @Field(() => Boolean, { nullable: true, description: CONFIRM_PUBLIC })
  confirmPublic?: boolean | null;
}

@InputType('EscalateThreadInput')
export class EscalateThreadInput {
  @Field(() => ID, { description: 'The thread to bridge from (usually in an EXTERNAL space).' })
  threadId!: string;

  @Field(() => ID, { description: 'An INTERNAL space where the linked internal thread is opened.' })
  spaceId!: string;

  @Field()
  note!: string;
}

@InputType('EditPostInput')
export class EditPostInput {
  @Field(() => ID)
  postId!: string;

  @Field()
  body!: string;

  @Field(() => Boolean, { nullable: true, description: CONFIRM_PUBLIC })
  confirmPublic?: boolean | null;
}
