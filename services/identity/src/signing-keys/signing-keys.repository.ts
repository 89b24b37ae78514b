import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity';

export type SigningKeyRecord = Pick<SigningKeyEntity, 'kid' | 'privateKeyPem' | 'publicJwk' | 'createdAt'>;

@Injectable()
export class SigningKeysRepository {
  constructor(private readonly database: Database) {}

  /**
   * The newest active key, created by `create()` when there is none. Replicas starting together
   * serialise on a transaction-scoped advisory lock, so they all end up with the same key.
   */
  async activeOrCreate(create: () => Promise<Omit<SigningKeyRecord, 'createdAt'>>): Promise<SigningKeyRecord> {
    return this.database.transaction(async () => {
      await this.database.query(`SELECT pg_advisory_xact_lock(hashtext('kern:signing-key'))`);
      const keys = this.database.repository(SigningKeyEntity);
      const active = await keys.findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
      if (active) return active;
      return keys.save(keys.create({ ...(await create()), retiredAt: null }));
    });
  }

  /** Retires the active keys and creates a new one, in one transaction under the same lock. */
  async retireAllAndCreate(create: () => Promise<Omit<SigningKeyRecord, 'createdAt'>>): Promise<void> {
    await this.database.transaction(async () => {
      await this.database.query(`SELECT pg_advisory_xact_lock(hashtext('kern:signing-key'))`);
      await this.database.query(`UPDATE identity.signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
      const keys = this.database.repository(SigningKeyEntity);
      await keys.save(keys.create({ ...(await create()), retiredAt: null }));
    });
  }

  /** Every key whose tokens may still be valid: the gateway accepts any of them by key id. */
  listPublic(): Promise<Array<Pick<SigningKeyRecord, 'publicJwk'>>> {
    return this.database
      .repository(SigningKeyEntity)
      .createQueryBuilder('k')
      .select(['k.kid', 'k.publicJwk'])
      .where(`k.retired_at IS NULL OR k.retired_at > now() - interval '1 day'`)
      .getMany();
  }
}
