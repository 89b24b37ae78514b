import { insights } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { GetCommunityInsightsUseCase } from './get-community-insights.use-case';
import { GetEngagementRingsUseCase } from './get-engagement-rings.use-case';
import { GetSpaceInsightsUseCase } from './get-space-insights.use-case';

@Controller()
export class InsightsController {
  constructor(
    private readonly engagementRings: GetEngagementRingsUseCase,
    private readonly spaceInsights: GetSpaceInsightsUseCase,
    private readonly communityInsights: GetCommunityInsightsUseCase,
  ) {}

  @Handles(insights.rings)
  async rings(@Envelope(insights.rings) request: Request<typeof insights.rings>) {
    const { spaceId, userIds } = request.payload;
    return { rings: await this.engagementRings.execute(spaceId, userIds, request.principal) };
  }

  @Handles(insights.space)
  space(@Envelope(insights.space) request: Request<typeof insights.space>) {
    return this.spaceInsights.execute(request.payload.spaceId, request.payload.memberIds, request.principal);
  }

  @Handles(insights.community)
  community(@Envelope(insights.community) request: Request<typeof insights.community>) {
    return this.communityInsights.execute(request.payload.people, request.principal);
  }
}
