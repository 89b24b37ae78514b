import { insights } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { InsightsUseCase } from './insights.use-case';

@Controller()
export class InsightsController {
  constructor(private readonly insights: InsightsUseCase) {}

  @Handles(insights.rings)
  async rings(@Envelope(insights.rings) request: Request<typeof insights.rings>) {
    return { rings: await this.insights.rings(request.payload.spaceId, request.payload.userIds, request.principal) };
  }

  @Handles(insights.space)
  space(@Envelope(insights.space) request: Request<typeof insights.space>) {
    return this.insights.space(request.payload.spaceId, request.payload.memberIds, request.principal);
  }

  @Handles(insights.community)
  community(@Envelope(insights.community) request: Request<typeof insights.community>) {
    return this.insights.community(request.payload.people, request.principal);
  }
}
