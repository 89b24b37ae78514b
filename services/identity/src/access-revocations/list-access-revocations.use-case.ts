import type { AccessRevocation } from '@kern/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { UsersRepository } from '../users/users.repository';

/**
 * The revocations the gateway must still enforce. One matters only until the last token issued
 * before it expires, one access-token lifetime. Only user ids and version numbers: nothing a caller
 * on the bus could misuse.
 */
@Injectable()
export class ListAccessRevocationsUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly users: UsersRepository,
  ) {}

  async execute(): Promise<{ revocations: AccessRevocation[] }> {
    const ttlMs = this.config.ACCESS_TOKEN_TTL_SECONDS * 1000;
    const revoked = await this.users.revokedSince(this.config.ACCESS_TOKEN_TTL_SECONDS);
    return {
      revocations: revoked.map((user) => ({
        userId: user.id,
        minTokenVersion: user.tokenVersion,
        expiresAt: new Date(user.changedAt.getTime() + ttlMs).toISOString(),
      })),
    };
  }
}
