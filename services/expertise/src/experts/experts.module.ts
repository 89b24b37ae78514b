import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { SkillsModule } from '../skills/skills.module';
import { TopicsModule } from '../topics/topics.module';
import { ExpertRanking } from './expert-ranking';
import { ExpertsController } from './experts.controller';
import { ExpertsRepository } from './experts.repository';
import { FindExpertsByQuestionUseCase } from './find-experts-by-question.use-case';
import { FindExpertsByTopicUseCase } from './find-experts-by-topic.use-case';
import { VisibleExperts } from './visible-experts';

/** Finding the people who know: by topic or by question, ranked on evidence, endorsements and declared levels. */
@Module({
  imports: [TopicsModule, EvidenceModule, SkillsModule, ProfilesModule],
  controllers: [ExpertsController],
  providers: [
    ExpertRanking,
    ExpertsRepository,
    VisibleExperts,
    FindExpertsByTopicUseCase,
    FindExpertsByQuestionUseCase,
  ],
  exports: [ExpertRanking],
})
export class ExpertsModule {}
