import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { hashToken } from '../common/tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Ends the session the refresh token belongs to, with every rotation of it (the whole family). */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly database: Database,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async execute(input: { refreshToken: string }): Promise<{ revoked: boolean }> {
    return this.database.transaction(async () => {
      const token = await this.refreshTokens.findForUpdate(hashToken(input.refreshToken));
      if (!token) return { revoked: false };
      return { revoked: (await this.refreshTokens.revokeFamily(token.familyId)) > 0 };
    });
  }
}
