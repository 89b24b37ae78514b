import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

@Injectable()
export class EmailVerificationsRepository {
  constructor(private readonly database: Database) {}

  async insert(verification: {
    id: string;
    userId: string;
    email: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.database.query(
      `INSERT INTO identity.email_verifications (id, user_id, email, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [verification.id, verification.userId, verification.email, verification.tokenHash, verification.expiresAt],
    );
  }

  /** Uses the token up, if unused and unexpired, in one UPDATE (single use even under a race). */
  async use(tokenHash: string): Promise<{ userId: string; email: string } | null> {
    const [rows]: [Array<{ userId: string; email: string }>, number] = await this.database.query(
      `UPDATE identity.email_verifications SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id AS "userId", email`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Ends the user's unused links: what they would prove was decided otherwise (their kind was changed). */
  async invalidateForUser(userId: string): Promise<void> {
    await this.database.query(
      `UPDATE identity.email_verifications SET expires_at = now() WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()`,
      [userId],
    );
  }
}
