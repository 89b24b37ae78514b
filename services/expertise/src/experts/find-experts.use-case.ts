import type { ExpertReply, Principal } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { mayView, People } from '../profiles/people';
import { TopicsRepository } from '../topics/topics.repository';
import { ExpertRanking } from './expert-ranking';

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
  ) {}

  async byTopic(input: { topic: string; first: number }, principal: Principal): Promise<ExpertReply[]> {
    const subtree = await this.topics.subtree(input.topic);
    if (subtree.length === 0) throw badInput(`Unknown topic: ${input.topic}`, { field: 'topic' });
    const topicId = subtree.find((topic) => topic.slug === input.topic)!.id;
    const standings = await this.ranking.rank(topicId, subtree.map((topic) => topic.id), await this.viewers.of(principal));
    const people = await this.people.find([...standings.keys()]);
    return [...standings]
      .flatMap(([userId, standing]) => {
        const person = people.get(userId);
        if (!person || person.suspended || !mayView(principal, person)) return [];
        const score = standing.score * (person.openToQuestions ? OPEN_TO_QUESTIONS_FACTOR : 1);
        return [{ userId, score, topicIds: [topicId], acceptedAnswers: standing.acceptedAnswers }];
      })
      .sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId))
      .slice(0, input.first);
  }
}
