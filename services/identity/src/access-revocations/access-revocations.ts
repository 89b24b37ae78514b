import { identityEvents, type AccessRevocation } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { UsersRepository } from '../users/users.repository';

/**
 * Ends a user's access tokens before they expire (kind changed, suspended, role revoked). The
 * gateway verifies tokens without calling us, so it is told: an event right after the change, and
 * the list of revocations still in force (ListAccessRevocationsUseCase) when it starts and every
 * half minute, in case it missed one.
 */
@Injectable()
export class AccessRevocations {
  private readonly logger = new Logger(AccessRevocations.name);

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly users: UsersRepository,
    @Inject(ServiceClient) private readonly client: ServiceClient,
  ) {}

  /** Inside the change's transaction; publish the result once it committed. */
  async revokeIn(userId: string): Promise<AccessRevocation> {
    const minTokenVersion = await this.users.bumpTokenVersion(userId);
    return {
      userId,
      minTokenVersion,
      expiresAt: new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
    };
  }

  async publish(revocation: AccessRevocation): Promise<void> {
    // A failed publish is not lost: the gateway's periodic sync picks the revocation up.
    await this.client
      .emit(identityEvents.accessRevoked, revocation)
      .catch((error) => this.logger.warn({ msg: 'could not publish a revocation', error: String(error) }));
  }
}
