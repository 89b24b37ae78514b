import { expertiseEvents, ANONYMOUS, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { Outbox, OutboxRelay } from '@kern/events';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EXPERTISE_CONFIG, type ExpertiseConfig } from '../config/expertise.config';
import { ExpertRanking } from '../experts/expert-ranking';
import { People } from '../profiles/people';
import { TopicsRepository } from '../topics/topics.repository';
import { RoutingRepository, type RoutingJob } from './routing.repository';

const JOBS_PER_ROUND = 10;

/**
 * Brings questions nobody answered in time to up to ROUTING_EXPERTS_PER_QUESTION experts who may
 * read the space, are open to questions, are not the asker and were not asked too often today.
 * The schedule lives in the database (routing_jobs), so a restart of any service during the delay
 * loses nothing; every replica polls, and a claim (see `claimDue`) gives each question to one of them.
 */
@Injectable()
export class QuestionRouter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QuestionRouter.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(EXPERTISE_CONFIG) private readonly config: ExpertiseConfig,
    private readonly database: Database,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly routing: RoutingRepository,
    private readonly ranking: ExpertRanking,
    private readonly topics: TopicsRepository,
    private readonly people: People,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      this.running ??= this.round().finally(() => (this.running = undefined));
    }, this.config.ROUTING_POLL_SECONDS * 1000);
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  private async round() {
    try {
      const jobs = await this.routing.claimDue(JOBS_PER_ROUND);
      for (const job of jobs) await this.route(job);
      if (jobs.length > 0) this.relay.kick();
    } catch (error) {
      this.logger.warn({ msg: 'could not route questions; trying again', error: String(error) });
    }
  }

  private async route(job: RoutingJob) {
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
    const people = await this.people.find([...totals.keys()]);
    const willing = [...people.values()].filter((person) => person.openToQuestions && !person.suspended);
    const { userIds: readers } = willing.length
      ? await this.client.call(
          spaces.readers,
          {
            spaceId: job.spaceId,
            // Standings carry no platform roles: an expert is asked where their membership lets them read.
            users: willing.map((person) => ({ userId: person.userId, kind: person.kind, roles: [] })),
          },
          ANONYMOUS,
        )
      : { userIds: [] };
    const available = await this.routing.underCap(readers, this.config.ROUTING_MAX_PER_EXPERT_PER_DAY);
    const experts = readers
      .filter((id) => available.has(id))
      .sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b))
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
}
