import { TOKEN_PREFIX, type UserPrincipal } from '@kern/contracts';
import { forbidden, unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { hashToken } from '../common/tokens';
import { UsersRepository } from '../users/users.repository';
import type { ActiveApiToken } from './api-token.record';
import { ApiTokensRepository } from './api-tokens.repository';

/** `last_used_at` is written at most this often per token, so a busy integration does not turn every read into a write. */
const LAST_USE_PRECISION_MS = 60_000;

/**
 * Who an API token acts for: its owner, as they are now (kind, roles, suspension), limited to the
 * token's scopes. Asked on every request that carries one, so a revocation or suspension counts at once.
 */
@Injectable()
export class AuthenticateApiTokenUseCase {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersRepository,
  ) {}

  async execute(input: { token: string }): Promise<{ principal: UserPrincipal }> {
    if (!input.token.startsWith(TOKEN_PREFIX.apiToken)) throw unauthenticated('The API token is invalid');
    const token = await this.tokens.findActive(hashToken(input.token));
    if (!token) throw unauthenticated('The API token is invalid or revoked');
    await this.recordUse(token);
    const user = await this.users.findById(token.userId);
    if (!user) throw unauthenticated('The API token is invalid or revoked');
    if (user.suspendedAt) throw forbidden('This account is suspended');
    return {
      principal: {
        kind: user.kind,
        userId: user.id,
        roles: user.roles,
        scopes: token.scopes,
        emailVerified: user.emailVerifiedAt !== null,
        credential: 'API_TOKEN',
      },
    };
  }

  private async recordUse(token: ActiveApiToken): Promise<void> {
    if (token.lastUsedAt && Date.now() - token.lastUsedAt.getTime() <= LAST_USE_PRECISION_MS) return;
    await this.tokens.recordUse(token.id);
  }
}
