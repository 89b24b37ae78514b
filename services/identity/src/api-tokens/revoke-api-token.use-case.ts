import type { Principal } from '@kern/contracts';
import { assertCanWrite, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { ApiTokensRepository } from './api-tokens.repository';

/** Only one's own tokens; someone else's id answers NOT_FOUND, as if it did not exist. */
@Injectable()
export class RevokeApiTokenUseCase {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(input: { id: string }, principal: Principal): Promise<{ revoked: true }> {
    assertCanWrite(principal);
    if (!(await this.tokens.revoke(input.id, principal.userId))) throw notFound('API token');
    await this.audit.record({
      action: 'API_TOKEN_REVOKED',
      actorId: principal.userId,
      subjectUserId: principal.userId,
      details: { tokenId: input.id },
    });
    return { revoked: true };
  }
}
