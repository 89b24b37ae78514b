import { TOKEN_PREFIX, type ApiScope, type ApiTokenReply, type Principal } from '@kern/contracts';
import { assertCanWrite, forbidden } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { hashToken, newToken } from '../common/tokens';
import { toApiTokenReply } from './api-token.mapper';
import { ApiTokensRepository } from './api-tokens.repository';

/** A new API token for the signed-in user; the secret is in this answer only. */
@Injectable()
export class CreateApiTokenUseCase {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(
    input: { name: string; scopes: ApiScope[] },
    principal: Principal,
  ): Promise<ApiTokenReply & { token: string }> {
    assertCanWrite(principal);
    // A leaked token must not be able to mint itself successors that outlive its revocation.
    if (principal.credential === 'API_TOKEN')
      throw forbidden('API tokens are created from a signed-in session, not with another API token');
    const token = newToken(TOKEN_PREFIX.apiToken);
    const created = await this.tokens.insert({
      id: randomUUID(),
      userId: principal.userId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      tokenHash: hashToken(token),
    });
    await this.audit.record({
      action: 'API_TOKEN_CREATED',
      actorId: principal.userId,
      subjectUserId: principal.userId,
      details: { tokenId: created.id, scopes: created.scopes },
    });
    return { ...toApiTokenReply(created), token };
  }
}
