import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashToken } from '../common/tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Ends the session the refresh token belongs to, with every rotation of it (the whole family). */
@Injectable()
export class LogoutUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async execute(input: { refreshToken: string }): Promise<{ revoked: boolean }> {
    return this.dataSource.transaction(async (tx) => {
      const token = await this.refreshTokens.findForUpdate(hashToken(input.refreshToken), tx);
      if (!token) return { revoked: false };
      return { revoked: (await this.refreshTokens.revokeFamily(token.familyId, tx)) > 0 };
    });
  }
}
