import type { PublicSigningKey } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import type { SigningKeyRecord } from './signing-key.record';

const COLUMNS = `kid, private_key_pem AS "privateKeyPem", public_jwk AS "publicJwk", created_at AS "createdAt"`;

@Injectable()
export class SigningKeysRepository {
  constructor(private readonly database: Database) {}

  /**
   * Until the transaction ends, no other replica creates or retires a key: replicas starting
   * together all end up with the same key, and two rotations do not leave two active ones.
   */
  async lock(): Promise<void> {
    await this.database.query(`SELECT pg_advisory_xact_lock(hashtext('kern:signing-key'))`);
  }

  /** The newest key that is not retired. */
  async findActive(): Promise<SigningKeyRecord | null> {
    const rows = await this.database.query<SigningKeyRecord[]>(
      `SELECT ${COLUMNS} FROM identity.signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  async insert(key: Omit<SigningKeyRecord, 'createdAt'>): Promise<SigningKeyRecord> {
    const [row] = await this.database.query<[SigningKeyRecord]>(
      `INSERT INTO identity.signing_keys (kid, private_key_pem, public_jwk) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [key.kid, key.privateKeyPem, JSON.stringify(key.publicJwk)],
    );
    return row;
  }

  async retireActive(): Promise<void> {
    await this.database.query(`UPDATE identity.signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
  }

  /** Every key whose tokens may still be valid: the gateway accepts any of them by key id. */
  async listPublic(): Promise<PublicSigningKey[]> {
    const rows = await this.database.query<Array<{ publicJwk: PublicSigningKey }>>(
      `SELECT public_jwk AS "publicJwk" FROM identity.signing_keys
        WHERE retired_at IS NULL OR retired_at > now() - interval '1 day'`,
    );
    return rows.map((row) => row.publicJwk);
  }
}
