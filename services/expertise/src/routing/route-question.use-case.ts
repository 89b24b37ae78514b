import { ANONYMOUS, expertiseEvents, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox } from '@kern/events';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { EXPERTISE_CONFIG, type ExpertiseConfig } from '../config/expertise.config';
import { ExpertRanking } from '../experts/expert-ranking';
import { People } from '../profiles/people';
import { TopicsRepository } from '../topics/topics.repository';
import { RoutingRepository, type RoutingJob } from './routing.repository';

/**
 * Brings a question nobody answered in time to up to ROUTING_EXPERTS_PER_QUESTION experts who may
 * read its space, are open to questions, are not the asker and were not asked too often today.
 * The experts are chosen before the transaction (it asks identity and spaces); the transaction
 * records them only if the question is still unanswered.
 */
@Injectable()
export class RouteQuestionUseCase {
  constructor(
    @Inject(EXPERTISE_CONFIG) private readonly config: ExpertiseConfig,
    private readonly database: Database,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly routing: RoutingRepository,
    private readonly ranking: ExpertRanking,
    private readonly topics: TopicsRepository,
    private readonly people: People,
    private readonly outbox: Outbox,
  ) {}

  async execute(job: RoutingJob): Promise<void> {
    const scores = await this.scores(job);
    const readers = await this.willingReaders(job, scores);
    const available = await this.routing.underCap(readers, this.config.ROUTING_MAX_PER_EXPERT_PER_DAY);
    const experts = readers
      .filter((id) => available.has(id))
      .sort((a, b) => scores.get(b)! - scores.get(a)! || a.localeCompare(b))
      .slice(0, this.config.ROUTING_EXPERTS_PER_QUESTION);
    await this.database.transaction(async () => {
      const finished = await this.routing.finish(job.threadId, experts.length > 0 ? 'ROUTED' : 'NO_EXPERT', experts);
      if (finished && experts.length > 0)
        await this.outbox.add(expertiseEvents.questionRouted, {
          threadId: job.threadId,
          spaceId: job.spaceId,
          postId: job.postId,
          expertIds: experts,
        });
    });
  }

  /** Everyone's score on the question's topics, the asker left out. */
  private async scores(job: RoutingJob): Promise<Map<string, number>> {
    const subtreeIds = await this.topics.subtreeIds(job.topicIds);
    const totals = new Map<string, number>();
    // Kern's own view: every space's evidence, since the choice is shown to nobody.
    for (const topicId of job.topicIds) {
      for (const [userId, standing] of await this.ranking.rank(topicId, subtreeIds, {
        readableSpaceIds: null,
        employee: true,
      })) {
        totals.set(userId, (totals.get(userId) ?? 0) + standing.score);
      }
    }
    totals.delete(job.authorId);
    return totals;
  }

  /** Of these people, those open to questions, not suspended, who may read the question's space. */
  private async willingReaders(job: RoutingJob, scores: Map<string, number>): Promise<string[]> {
    const people = await this.people.find([...scores.keys()]);
    const willing = [...people.values()].filter((person) => person.openToQuestions && !person.suspended);
    if (willing.length === 0) return [];
    const { userIds } = await this.client.call(
      spaces.readers,
      {
        spaceId: job.spaceId,
        // Standings carry no platform roles: an expert is asked where their membership lets them read.
        users: willing.map((person) => ({ userId: person.userId, kind: person.kind, roles: [] })),
      },
      ANONYMOUS,
    );
    return userIds;
  }
}
