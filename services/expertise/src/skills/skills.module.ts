import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { TopicsModule } from '../topics/topics.module';
import { DeclareSkillUseCase } from './declare-skill.use-case';
import { FindTopicsWithoutExpertsUseCase } from './find-topics-without-experts.use-case';
import { GetTopicAffinityUseCase } from './get-topic-affinity.use-case';
import { ProfileSkills } from './profile-skills';
import { RemoveSkillUseCase } from './remove-skill.use-case';
import { SkillsController } from './skills.controller';
import { SkillsRepository } from './skills.repository';

/** Declared skills and endorsements, and a person's skills as a viewer sees them. */
@Module({
  imports: [TopicsModule, EvidenceModule],
  controllers: [SkillsController],
  providers: [
    SkillsRepository,
    ProfileSkills,
    DeclareSkillUseCase,
    RemoveSkillUseCase,
    GetTopicAffinityUseCase,
    FindTopicsWithoutExpertsUseCase,
  ],
  exports: [SkillsRepository, ProfileSkills],
})
export class SkillsModule {}
