import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { GetCommunityInsightsUseCase } from './get-community-insights.use-case';
import { GetEngagementRingsUseCase } from './get-engagement-rings.use-case';
import { GetSpaceInsightsUseCase } from './get-space-insights.use-case';
import { InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';

/** Engagement rings and question statistics, counting internal notes only for those who may see them. */
@Module({
  imports: [AccessModule],
  controllers: [InsightsController],
  providers: [InsightsRepository, GetEngagementRingsUseCase, GetSpaceInsightsUseCase, GetCommunityInsightsUseCase],
})
export class InsightsModule {}
