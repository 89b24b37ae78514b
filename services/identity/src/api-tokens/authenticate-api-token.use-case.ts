import { TOKEN_PREFIX, type UserPrincipal } from '@kern/contracts';
import { forbidden, unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { hashToken } from '../common/tokens';
import { UsersRepository } from '../users/users.repository';
import { ApiTokensRepository } from './api-tokens.repository';

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
    const token = await this.tokens.useActive(hashToken(input.token));
    if (!token) throw unauthenticated('The API token is invalid or revoked');
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
}
