import type { ExpertReply, Principal } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import type { EvidenceViewer } from '../evidence/evidence.repository';
import { EVIDENCE_WEIGHT } from '../evidence/evidence-weights';
import { TopicsRepository } from '../topics/topics.repository';
import { ExpertRanking } from './expert-ranking';
import { ExpertsRepository } from './experts.repository';
import { VisibleExperts } from './visible-experts';

type Credits = Map<string, { score: number; acceptedAnswers: number; topicIds: Set<string> }>;
type MatchedTopics = Awaited<ReturnType<ExpertsRepository['topicsMatching']>>;
type MatchedAnswerers = Awaited<ReturnType<ExpertsRepository['answerersMatching']>>;

/**
 * Who knows about what a free-text question asks: the topics it names (by name, slug or synonym,
 * in English or Dutch) count with their experts' scores, and people whose recent answers share its
 * words get up to half an accepted answer more. Each expert comes with the topics that matched.
 */
@Injectable()
export class FindExpertsByQuestionUseCase {
  constructor(
    private readonly experts: ExpertsRepository,
    private readonly topics: TopicsRepository,
    private readonly ranking: ExpertRanking,
    private readonly viewers: EvidenceViewers,
    private readonly visible: VisibleExperts,
  ) {}

  async execute(input: { question: string; first: number }, principal: Principal): Promise<ExpertReply[]> {
    const viewer = await this.viewers.of(principal);
    const [topics, answerers] = await Promise.all([
      this.experts.topicsMatching(input.question),
      this.experts.answerersMatching(input.question, viewer),
    ]);
    const credits: Credits = new Map();
    await this.creditTopicExperts(credits, topics, viewer);
    creditAnswerers(credits, answerers);
    const candidates = [...credits].map(([userId, entry]) => ({
      userId,
      score: entry.score,
      acceptedAnswers: entry.acceptedAnswers,
      topicIds: [...entry.topicIds],
    }));
    return this.visible.rank(candidates, input.first, principal);
  }

  /** The experts of each matched topic, their scores weighed by how well the topic matched (from half to all). */
  private async creditTopicExperts(credits: Credits, topics: MatchedTopics, viewer: EvidenceViewer) {
    const bestTopic = topics[0]?.rank || 1;
    for (const topic of topics) {
      const subtreeIds = await this.topics.subtreeIds([topic.topicId]);
      for (const [userId, standing] of await this.ranking.rank(topic.topicId, subtreeIds, viewer))
        credit(
          credits,
          userId,
          standing.score * (0.5 + topic.rank / bestTopic / 2),
          [topic.topicId],
          standing.acceptedAnswers,
        );
    }
  }
}

/** Up to half an accepted answer for the people whose answers share the question's words, the best match most. */
function creditAnswerers(credits: Credits, answerers: MatchedAnswerers) {
  const bestAnswer = answerers[0]?.rank || 1;
  for (const answerer of answerers)
    credit(
      credits,
      answerer.userId,
      (EVIDENCE_WEIGHT.ACCEPTED_ANSWER / 2) * (answerer.rank / bestAnswer),
      answerer.topicIds,
    );
}

function credit(credits: Credits, userId: string, score: number, topicIds: string[], acceptedAnswers = 0) {
  const entry = credits.get(userId) ?? { score: 0, acceptedAnswers: 0, topicIds: new Set<string>() };
  entry.score += score;
  entry.acceptedAnswers += acceptedAnswers;
  for (const topicId of topicIds) entry.topicIds.add(topicId);
  credits.set(userId, entry);
}
