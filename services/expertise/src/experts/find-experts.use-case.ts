import type { ExpertReply, Principal } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { EVIDENCE_WEIGHT } from '../evidence/evidence-weights';
import { mayView, People } from '../profiles/people';
import { TopicsRepository } from '../topics/topics.repository';
import { ExpertRanking } from './expert-ranking';
import { QuestionMatcher } from './question-matcher';

/** People open to questions come first among equals: they asked to be found. */
export const OPEN_TO_QUESTIONS_FACTOR = 1.25;

/**
 * Who knows about a topic, by `ExpertRanking`'s score (x1.25 for people open to questions), among the
 * people the viewer may see, never suspended accounts.
 */
@Injectable()
export class FindExpertsUseCase {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly ranking: ExpertRanking,
    private readonly people: People,
    private readonly viewers: EvidenceViewers,
    private readonly matcher: QuestionMatcher,
  ) {}

  /**
   * A free-text question: the topics it names (by name, slug or synonym, in English or Dutch) count
   * with their experts' scores, and people whose recent answers share its words get up to half an
   * accepted answer more. Each expert comes with the topics that matched.
   */
  async byQuestion(input: { question: string; first: number }, principal: Principal): Promise<ExpertReply[]> {
    const viewer = await this.viewers.of(principal);
    const [topics, answerers] = await Promise.all([
      this.matcher.topics(input.question),
      this.matcher.answerers(input.question, viewer),
    ]);
    const found = new Map<string, { score: number; acceptedAnswers: number; topicIds: Set<string> }>();
    const credit = (userId: string, score: number, topicIds: string[], acceptedAnswers = 0) => {
      const entry = found.get(userId) ?? { score: 0, acceptedAnswers: 0, topicIds: new Set<string>() };
      entry.score += score;
      entry.acceptedAnswers += acceptedAnswers;
      for (const topicId of topicIds) entry.topicIds.add(topicId);
      found.set(userId, entry);
    };
    const bestTopic = topics[0]?.rank || 1;
    for (const topic of topics) {
      const subtreeIds = await this.topics.subtreeIds([topic.topicId]);
      for (const [userId, standing] of await this.ranking.rank(topic.topicId, subtreeIds, viewer)) {
        credit(userId, standing.score * (0.5 + topic.rank / bestTopic / 2), [topic.topicId], standing.acceptedAnswers);
      }
    }
    const bestAnswer = answerers[0]?.rank || 1;
    for (const answerer of answerers)
      credit(answerer.userId, (EVIDENCE_WEIGHT.ACCEPTED_ANSWER / 2) * (answerer.rank / bestAnswer), answerer.topicIds);
    return this.visibleAndRanked(
      [...found].map(([userId, entry]) => ({
        userId,
        score: entry.score,
        acceptedAnswers: entry.acceptedAnswers,
        topicIds: [...entry.topicIds],
      })),
      input.first,
      principal,
    );
  }

  async byTopic(input: { topic: string; first: number }, principal: Principal): Promise<ExpertReply[]> {
    const subtree = await this.topics.subtree(input.topic);
    if (subtree.length === 0) throw badInput(`Unknown topic: ${input.topic}`, { field: 'topic' });
    const topicId = subtree.find((topic) => topic.slug === input.topic)!.id;
    const standings = await this.ranking.rank(
      topicId,
      subtree.map((topic) => topic.id),
      await this.viewers.of(principal),
    );
    return this.visibleAndRanked(
      [...standings].map(([userId, standing]) => ({
        userId,
        score: standing.score,
        topicIds: [topicId],
        acceptedAnswers: standing.acceptedAnswers,
      })),
      input.first,
      principal,
    );
  }

  private async visibleAndRanked(
    candidates: ExpertReply[],
    first: number,
    principal: Principal,
  ): Promise<ExpertReply[]> {
    const people = await this.people.find(candidates.map((candidate) => candidate.userId));
    return candidates
      .flatMap((candidate) => {
        const person = people.get(candidate.userId);
        if (!person || person.suspended || !mayView(principal, person)) return [];
        return [{ ...candidate, score: candidate.score * (person.openToQuestions ? OPEN_TO_QUESTIONS_FACTOR : 1) }];
      })
      .sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId))
      .slice(0, first);
  }
}
