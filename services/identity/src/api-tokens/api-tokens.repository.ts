import type { ApiScope } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import type { ActiveApiToken, ApiTokenRecord } from './api-token.record';

const COLUMNS = `id, name, scopes, created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly database: Database) {}

  async insert(token: {
    id: string;
    userId: string;
    name: string;
    scopes: ApiScope[];
    tokenHash: string;
  }): Promise<ApiTokenRecord> {
    const [row] = await this.database.query<[ApiTokenRecord]>(
      `INSERT INTO identity.api_tokens (id, user_id, name, scopes, token_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [token.id, token.userId, token.name, token.scopes, token.tokenHash],
    );
    return row;
  }

  listActive(userId: string): Promise<ApiTokenRecord[]> {
    return this.database.query<ApiTokenRecord[]>(
      `SELECT ${COLUMNS} FROM identity.api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
      [userId],
    );
  }

  /** Revokes one of `userId`'s own tokens; false when there is no such active token of theirs. */
  async revoke(id: string, userId: string): Promise<boolean> {
    const [, count] = await this.database.query<[unknown, number]>(
      `UPDATE identity.api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId],
    );
    return count > 0;
  }

  async findActive(tokenHash: string): Promise<ActiveApiToken | null> {
    const rows = await this.database.query<ActiveApiToken[]>(
      `SELECT id, user_id AS "userId", scopes, last_used_at AS "lastUsedAt" FROM identity.api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async recordUse(id: string): Promise<void> {
    await this.database.query(`UPDATE identity.api_tokens SET last_used_at = now() WHERE id = $1`, [id]);
  }
}
