import { hasRole, type insights, type Principal, type ReplyOf } from '@kern/contracts';
import { forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { countRings, ringOf, share } from './engagement';
import { InsightsRepository } from './insights.repository';

/** Participation across the whole community: for platform admins and community managers. */
@Injectable()
export class GetCommunityInsightsUseCase {
  constructor(private readonly insights: InsightsRepository) {}

  /** `people`: everyone who could take part (employees and customers), so the observers are the rest. */
  async execute(people: number, principal: Principal): Promise<ReplyOf<typeof insights.community>> {
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers see community insights');
    const activity = await this.insights.activity(null, true);
    const rings = countRings(activity.map((entry) => ringOf(entry.posts)));
    rings.OBSERVER = Math.max(0, people - rings.CORE - rings.ACTIVE - rings.PERIPHERAL);
    const active = activity.filter((entry) => ['CORE', 'ACTIVE'].includes(ringOf(entry.posts)));
    const questions = await this.insights.questions(null);
    return {
      rings,
      crossSpaceShare: share(active.filter((entry) => entry.spaces > 1).length, active.length),
      questions: questions.questions,
      answeredShare: share(questions.answered, questions.questions),
      medianFirstResponseMinutes: questions.medianFirstResponseMinutes,
    };
  }
}
