import { OutboxRelay } from '@kern/events';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EXPERTISE_CONFIG, type ExpertiseConfig } from '../config/expertise.config';
import { RouteQuestionUseCase } from './route-question.use-case';
import { RoutingRepository } from './routing.repository';

const JOBS_PER_ROUND = 10;

/**
 * Every ROUTING_POLL_SECONDS, routes the questions that waited long enough for a reply. The schedule
 * lives in the database (routing_jobs), so a restart of any service during the delay loses nothing;
 * every replica polls, and a claim (see `claimDue`) gives each question to one of them.
 */
@Injectable()
export class QuestionRouter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QuestionRouter.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(EXPERTISE_CONFIG) private readonly config: ExpertiseConfig,
    private readonly routing: RoutingRepository,
    private readonly routeQuestion: RouteQuestionUseCase,
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
      for (const job of jobs) await this.routeQuestion.execute(job);
      if (jobs.length > 0) this.relay.kick();
    } catch (error) {
      this.logger.warn({ msg: 'could not route questions; trying again', error: String(error) });
    }
  }
}
