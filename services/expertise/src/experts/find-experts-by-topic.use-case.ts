import type { ExpertReply, Principal } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { TopicsRepository } from '../topics/topics.repository';
import { ExpertRanking } from './expert-ranking';
import { VisibleExperts } from './visible-experts';

/** Who knows about a topic (its sub-topics included), by `ExpertRanking`'s score, among the people the viewer may see. */
@Injectable()
export class FindExpertsByTopicUseCase {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly ranking: ExpertRanking,
    private readonly viewers: EvidenceViewers,
    private readonly visible: VisibleExperts,
  ) {}

  async execute(input: { topic: string; first: number }, principal: Principal): Promise<ExpertReply[]> {
    const subtree = await this.topics.subtree(input.topic);
    if (subtree.length === 0) throw badInput(`Unknown topic: ${input.topic}`, { field: 'topic' });
    const topicId = subtree.find((topic) => topic.slug === input.topic)!.id;
    const standings = await this.ranking.rank(
      topicId,
      subtree.map((topic) => topic.id),
      await this.viewers.of(principal),
    );
    const candidates = [...standings].map(([userId, standing]) => ({
      userId,
      score: standing.score,
      topicIds: [topicId],
      acceptedAnswers: standing.acceptedAnswers,
    }));
    return this.visible.rank(candidates, input.first, principal);
  }
}
