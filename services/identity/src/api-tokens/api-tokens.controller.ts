import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { AuthenticateApiTokenUseCase } from './authenticate-api-token.use-case';
import { CreateApiTokenUseCase } from './create-api-token.use-case';
import { ListApiTokensUseCase } from './list-api-tokens.use-case';
import { RevokeApiTokenUseCase } from './revoke-api-token.use-case';

@Controller()
export class ApiTokensController {
  constructor(
    private readonly createApiToken: CreateApiTokenUseCase,
    private readonly authenticateApiToken: AuthenticateApiTokenUseCase,
    private readonly listApiTokens: ListApiTokensUseCase,
    private readonly revokeApiToken: RevokeApiTokenUseCase,
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
  list(@Envelope(identity.listApiTokens) request: Request<typeof identity.listApiTokens>) {
    return this.listApiTokens.execute(request.principal);
  }

  @Handles(identity.revokeApiToken)
  revoke(@Envelope(identity.revokeApiToken) request: Request<typeof identity.revokeApiToken>) {
    return this.revokeApiToken.execute(request.payload, request.principal);
  }
}
