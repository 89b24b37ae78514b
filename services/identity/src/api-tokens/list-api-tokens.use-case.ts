import { isAuthenticated, type ApiTokenReply, type Principal } from '@kern/contracts';
import { unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { toApiTokenReply } from './api-token.mapper';
import { ApiTokensRepository } from './api-tokens.repository';

/** One's own active API tokens, newest first (never their secrets). */
@Injectable()
export class ListApiTokensUseCase {
  constructor(private readonly tokens: ApiTokensRepository) {}

  async execute(principal: Principal): Promise<{ tokens: ApiTokenReply[] }> {
    if (!isAuthenticated(principal)) throw unauthenticated();
    return { tokens: (await this.tokens.listActive(principal.userId)).map(toApiTokenReply) };
  }
}
