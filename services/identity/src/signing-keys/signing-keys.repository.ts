import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity';

export type SigningKeyRecord = Pick<SigningKeyEntity, 'kid' | 'privateKeyPem' | 'publicJwk' | 'createdAt'>;

@Injectable()
export class SigningKeysRepository {
  constructor(private readonly database: Database) {}

  private get keys() {
    return this.database.repository(SigningKeyEntity);
  }

  /**
   * Until the transaction ends, no other replica creates or retires a key: replicas starting
   * together all end up with the same key, and two rotations do not leave two active ones.
   */
  async lock(): Promise<void> {
    await this.database.query(`SELECT pg_advisory_xact_lock(hashtext('kern:signing-key'))`);
  }

  /** The newest key that is not retired. */
  async findActive(): Promise<SigningKeyRecord | null> {
    return this.keys.findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  async insert(key: Omit<SigningKeyRecord, 'createdAt'>): Promise<SigningKeyRecord> {
    return this.keys.save(this.keys.create({ ...key, retiredAt: null }));
  }

  async retireActive(): Promise<void> {
    await this.database.query(`UPDATE identity.signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
  }

  /** Every key whose tokens may still be valid: the gateway accepts any of them by key id. */
  listPublic(): Promise<Array<Pick<SigningKeyRecord, 'publicJwk'>>> {
    return this.keys
      .createQueryBuilder('k')
      .select(['k.kid', 'k.publicJwk'])
      .where(`k.retired_at IS NULL OR k.retired_at > now() - interval '1 day'`)
      .getMany();
  }
}
