import { identity, isAuthenticated } from '@kern/contracts';
import { assertCanWrite, Envelope, Handles, notFound, unauthenticated, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthenticateApiTokenUseCase } from './authenticate-api-token.use-case';
import { CreateApiTokenUseCase } from './create-api-token.use-case';

@Controller()
export class ApiTokensController {
  constructor(
    private readonly createApiToken: CreateApiTokenUseCase,
    private readonly authenticateApiToken: AuthenticateApiTokenUseCase,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  @Handles(identity.createApiToken)
  create(@Envelope(identity.createApiToken) request: Request<typeof identity.createApiToken>) {
    return this.createApiToken.execute(request.payload, request.principal);
  }

  @Handles(identity.authenticateApiToken)
  authenticate(@Envelope(identity.authenticateApiToken) request: Request<typeof identity.authenticateApiToken>) {
    return this.authenticateApiToken.execute(request.payload);
  }

  @Handles(identity.listApiTokens)
  async list(@Envelope(identity.listApiTokens) request: Request<typeof identity.listApiTokens>) {
    if (!isAuthenticated(request.principal)) throw unauthenticated();
    return { tokens: await this.tokens.listActive(request.principal.userId) };
  }

  /** Only one's own tokens; someone else's id answers NOT_FOUND, as if it did not exist. */
  @Handles(identity.revokeApiToken)
  async revoke(@Envelope(identity.revokeApiToken) request: Request<typeof identity.revokeApiToken>) {
    const { principal } = request;
    assertCanWrite(principal);
    if (!(await this.tokens.revoke(request.payload.id, principal.userId))) throw notFound('API token');
    await this.audit.record({
      action: 'API_TOKEN_REVOKED',
      actorId: principal.userId,
      subjectUserId: principal.userId,
      details: { tokenId: request.payload.id },
    });
    return { revoked: true };
  }
}
