import { SkillLevel, type SkillReply } from '@kern/contracts';
import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TopicModel } from '../topics/topic.model';

registerEnumType(SkillLevel.enum, { name: 'SkillLevel' });

@ObjectType('Skill')
export class SkillModel {
  @Field(() => TopicModel)
  topic!: TopicModel;

  @Field(() => SkillLevel.enum)
  level!: SkillLevel;

  @Field(() => Int)
  endorsementCount!: number;

  @Field(() => Float, {
    description: 'Earned from activity the viewer may see (accepted answers, helpful marks, replies).',
  })
  evidenceScore!: number;

  /** The expertise service's topic id, resolved to `topic`. */
  topicId!: string;

  static from(this: void, reply: SkillReply): SkillModel {
    return Object.assign(new SkillModel(), {
      level: reply.level,
      endorsementCount: reply.endorsementCount,
      evidenceScore: reply.evidenceScore,
      topicId: reply.topicId,
    });
  }
}
