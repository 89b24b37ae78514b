import type { ApiScope, ApiTokenReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

const COLUMNS = `id, name, scopes, created_at AS "createdAt", last_used_at AS "lastUsedAt"`;
type Row = { id: string; name: string; scopes: ApiScope[]; createdAt: Date; lastUsedAt: Date | null };

const toReply = (row: Row): ApiTokenReply => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly database: Database) {}

  async insert(token: {
    id: string;
    userId: string;
    name: string;
    scopes: ApiScope[];
    tokenHash: string;
  }): Promise<ApiTokenReply> {
    const [row] = await this.database.query<[Row]>(
      `INSERT INTO identity.api_tokens (id, user_id, name, scopes, token_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [token.id, token.userId, token.name, token.scopes, token.tokenHash],
    );
    return toReply(row);
  }

  async listActive(userId: string): Promise<ApiTokenReply[]> {
    const rows: Row[] = await this.database.query(
      `SELECT ${COLUMNS} FROM identity.api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
      [userId],
    );
    return rows.map(toReply);
  }

  /** Revokes one of `userId`'s own tokens; false when there is no such active token of theirs. */
  async revoke(id: string, userId: string): Promise<boolean> {
    const [, count] = await this.database.query<[unknown, number]>(
      `UPDATE identity.api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId],
    );
    return count > 0;
  }

  /**
   * The active token with this hash, recording its use. `last_used_at` is written at most once a
   * minute per token, so a busy integration does not turn every read into a write.
   */
  async useActive(tokenHash: string): Promise<{ id: string; userId: string; scopes: ApiScope[] } | null> {
    const rows: Array<{ id: string; userId: string; scopes: ApiScope[]; lastUsedAt: Date | null }> =
      await this.database.query(
        `SELECT id, user_id AS "userId", scopes, last_used_at AS "lastUsedAt" FROM identity.api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
        [tokenHash],
      );
    const token = rows[0];
    if (!token) return null;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await this.database.query(`UPDATE identity.api_tokens SET last_used_at = now() WHERE id = $1`, [token.id]);
    }
    return { id: token.id, userId: token.userId, scopes: token.scopes };
  }
}
