import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>) {}

  async insert(token: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.tokens.insert({ ...token, id: randomUUID(), revokedAt: null });
  }
}
