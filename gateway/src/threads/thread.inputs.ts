import { PostVisibility, ThreadKind } from '@kern/contracts';
import { Field, ID, InputType } from '@nestjs/graphql';

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
}

@InputType('ReplyInput')
export class ReplyInput {
  @Field(() => ID)
  threadId!: string;

  @Field({ description: 'Markdown, 1-50,000 characters.' })
  body!: string;

  @Field(() => PostVisibility.enum, { nullable: true, description: 'EVERYONE by default; INTERNAL (employees only) makes an internal note.' })
  visibility?: PostVisibility | null;

  @Field(() => ID, { nullable: true })
  replyToPostId?: string | null;
}

@InputType('EditPostInput')
export class EditPostInput {
  @Field(() => ID)
  postId!: string;

  @Field()
  body!: string;
}
