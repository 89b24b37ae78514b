import { ANONYMOUS, identity, type AccessRevocation } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

const SYNC_INTERVAL_MS = 30_000;

/**
 * Which users' access tokens were revoked, and below which token version. Fed by identity's events
 * (at once), and by the full list every half minute (so a missed event costs at most that long, well
 * within the minute a demotion or suspension may take). Verifying a request stays local.
 */
@Injectable()
export class RevocationStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationStore.name);
  private readonly minVersion = new Map<string, { version: number; expiresAt: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  onApplicationBootstrap() {
    void this.sync();
    this.timer = setInterval(() => void this.sync(), SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  apply(revocation: AccessRevocation) {
    const current = this.minVersion.get(revocation.userId);
    if (current && current.version >= revocation.minTokenVersion) return;
    this.minVersion.set(revocation.userId, {
      version: revocation.minTokenVersion,
      expiresAt: Date.parse(revocation.expiresAt),
    });
  }

  isRevoked(userId: string, tokenVersion: number): boolean {
    const entry = this.minVersion.get(userId);
    if (!entry) return false;
    if (entry.expiresAt < Date.now()) {
      this.minVersion.delete(userId);
      return false;
    }
    return tokenVersion < entry.version;
  }

  async sync() {
    try {
      const { revocations } = await this.client.call(identity.listAccessRevocations, {}, ANONYMOUS);
      revocations.forEach((revocation) => this.apply(revocation));
    } catch (error) {
      this.logger.warn({ msg: 'could not sync access revocations; will retry', error: String(error) });
    }
  }
}
