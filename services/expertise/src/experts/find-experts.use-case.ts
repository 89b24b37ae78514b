import type { ExpertReply, Principal } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { EvidenceViewers } from '../evidence/evidence-viewer';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { mayView, People } from '../profiles/people';
import { DECLARED_LEVEL_WEIGHT, ENDORSEMENT_WEIGHT } from '../skills/skill-level';
import { SkillsRepository } from '../skills/skills.repository';
import { TopicsRepository } from '../topics/topics.repository';

/** People open to questions come first among equals: they asked to be found. */
const OPEN_TO_QUESTIONS_FACTOR = 1.25;

/**
 * Who knows about a topic. The score adds the evidence the viewer may see (accepted answers 10,
 * helpful marks 3, replies 1, halving every 180 days, sub-topics included), 2 per endorsement and
 * the declared level (1-3), and is multiplied by 1.25 for people open to questions. Only people
 * the viewer may see, never suspended accounts.
 */
@Injectable()
export class FindExpertsUseCase {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly skills: SkillsRepository,
    private readonly people: People,
    private readonly viewers: EvidenceViewers,
  ) {}

  async byTopic(input: { topic: string; first: number }, principal: Principal): Promise<ExpertReply[]> {
    const subtree = await this.topics.subtree(input.topic);
    if (subtree.length === 0) throw badInput(`Unknown topic: ${input.topic}`, { field: 'topic' });
    const topicId = subtree.find((topic) => topic.slug === input.topic)!.id;
    const subtreeIds = subtree.map((topic) => topic.id);
    const viewer = await this.viewers.of(principal);
    const [earned, declared, endorsed] = await Promise.all([
      this.evidence.scores(viewer, { topicId, touching: subtreeIds }),
      this.skills.declaredOn(subtreeIds),
      this.skills.endorsements({ topicIds: subtreeIds }),
    ]);
    const totals = new Map<string, { score: number; acceptedAnswers: number }>();
    const add = (userId: string, score: number, acceptedAnswers = 0) => {
      const total = totals.get(userId) ?? { score: 0, acceptedAnswers: 0 };
      totals.set(userId, { score: total.score + score, acceptedAnswers: total.acceptedAnswers + acceptedAnswers });
    };
    for (const entry of earned) add(entry.userId, entry.score, entry.acceptedAnswers);
    // A declaration or endorsement on a sub-topic speaks for the topic too, once per person (the strongest).
    const strongestLevel = new Map<string, number>();
    for (const entry of declared) strongestLevel.set(entry.userId, Math.max(strongestLevel.get(entry.userId) ?? 0, DECLARED_LEVEL_WEIGHT[entry.level]));
    for (const [userId, weight] of strongestLevel) add(userId, weight);
    for (const entry of endorsed) add(entry.userId, ENDORSEMENT_WEIGHT * entry.count);

    const people = await this.people.find([...totals.keys()]);
    return [...totals]
      .flatMap(([userId, total]) => {
        const person = people.get(userId);
        if (!person || person.suspended || !mayView(principal, person)) return [];
        const score = total.score * (person.openToQuestions ? OPEN_TO_QUESTIONS_FACTOR : 1);
        return [{ userId, score, topicIds: [topicId], acceptedAnswers: total.acceptedAnswers }];
      })
      .sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId))
      .slice(0, input.first);
  }
}
