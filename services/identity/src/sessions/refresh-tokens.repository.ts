import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

export interface RefreshTokenRecord {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  rotatedAt: Date | null;
  replacedBy: string | null;
  /** With the token itself, derives the successor it was rotated into (see RefreshSessionUseCase). */
  successorSalt: Buffer | null;
}

const COLUMNS = `id, user_id AS "userId", family_id AS "familyId", expires_at AS "expiresAt", revoked_at AS "revokedAt",
  rotated_at AS "rotatedAt", replaced_by AS "replacedBy", successor_salt AS "successorSalt"`;

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly database: Database) {}

  async insert(token: { id: string; userId: string; familyId: string; tokenHash: string; expiresAt: Date }) {
    await this.database.query(
      `INSERT INTO identity.refresh_tokens (id, user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [token.id, token.userId, token.familyId, token.tokenHash, token.expiresAt],
    );
  }

  /** Locks the token's row, so two refreshes with the same token are decided one after the other. */
  async findForUpdate(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const rows = await this.database.query<RefreshTokenRecord[]>(
      `SELECT ${COLUMNS} FROM identity.refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async findByIdForUpdate(id: string): Promise<RefreshTokenRecord | null> {
    const rows = await this.database.query<RefreshTokenRecord[]>(
      `SELECT ${COLUMNS} FROM identity.refresh_tokens WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markRotated(id: string, replacedBy: string, successorSalt: Buffer) {
    await this.database.query(
      `UPDATE identity.refresh_tokens SET rotated_at = now(), replaced_by = $2, successor_salt = $3 WHERE id = $1`,
      [id, replacedBy, successorSalt],
    );
  }

  async revokeFamily(familyId: string): Promise<number> {
    const [, count] = await this.database.query<[unknown, number]>(
      `UPDATE identity.refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
    return count;
  }

  async revokeAllOfUser(userId: string) {
    await this.database.query(
      `UPDATE identity.refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }
}
