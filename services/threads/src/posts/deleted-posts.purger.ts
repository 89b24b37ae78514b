import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PostsRepository } from './posts.repository';

const HOUR_MS = 60 * 60 * 1000;

/** Every replica runs it hourly; the UPDATE is idempotent, so running it twice costs nothing. */
@Injectable()
export class DeletedPostsPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeletedPostsPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly posts: PostsRepository) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.purge(), HOUR_MS).unref();
    void this.purge();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  private async purge() {
    try {
      const purged = await this.posts.purgeDeleted();
      if (purged > 0) this.logger.log({ msg: 'removed the text of posts deleted over 30 days ago', purged });
    } catch (error) {
      this.logger.warn({ msg: 'could not purge deleted posts; trying again in an hour', error: String(error) });
    }
  }
}
