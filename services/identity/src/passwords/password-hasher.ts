import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { HashingQueue } from './hashing-queue';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** Hashes and verifies passwords, a bounded number at once (RATE_LIMITED with reason BUSY beyond the queue). */
@Injectable()
export class PasswordHasher {
  /** Verified against when an e-mail is unknown, so a login takes as long whether the account exists or not. */
  private readonly decoy = argon2.hash('kern-decoy-password-never-matches', OPTIONS);
  private readonly queue: HashingQueue;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.queue = new HashingQueue(config.PASSWORD_HASH_CONCURRENCY, config.PASSWORD_HASH_QUEUE);
  }

  hash(password: string): Promise<string> {
    return this.queue.run(() => argon2.hash(password, OPTIONS));
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoy);
    const matches = await this.queue.run(() => argon2.verify(target, password).catch(() => false));
    return hash !== undefined && matches;
  }
}
