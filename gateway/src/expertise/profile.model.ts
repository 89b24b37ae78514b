import type { ExpertReply, ProfileReply } from '@kern/contracts';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SkillModel } from '../skills/skill.model';

@ObjectType('ExpertiseProfile')
export class ExpertiseProfileModel {
  @Field(() => String, { nullable: true })
  headline!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field({ description: 'An employee who chose to be visible to customers as an expert.' })
  ambassador!: boolean;

  @Field()
  openToQuestions!: boolean;

  @Field(() => [SkillModel], { description: 'Declared, endorsed or earned; strongest evidence first.' })
  skills!: SkillModel[];

  /** Resolved to `user`. */
  userId!: string;

  static from(this: void, reply: ProfileReply): ExpertiseProfileModel {
    return Object.assign(new ExpertiseProfileModel(), {
      headline: reply.headline,
      bio: reply.bio,
      ambassador: reply.ambassador,
      openToQuestions: reply.openToQuestions,
      skills: reply.skills.map(SkillModel.from),
      userId: reply.userId,
    });
  }
}

@ObjectType('Expert')
export class ExpertModel {
  @Field(() => Float, {
    description:
      'Evidence the viewer may see + 2 per endorsement + declared level (1-3), x1.25 when open to questions.',
  })
  score!: number;

  @Field(() => Int)
  acceptedAnswers!: number;

  userId!: string;
  topicIds!: string[];

  static from(this: void, reply: ExpertReply): ExpertModel {
    return Object.assign(new ExpertModel(), {
      score: reply.score,
      acceptedAnswers: reply.acceptedAnswers,
      userId: reply.userId,
      topicIds: reply.topicIds,
    });
  }
}
