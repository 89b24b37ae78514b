import type { PublicSigningKey } from '@kern/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'signing_keys', schema: 'identity' })
export class SigningKeyEntity {
  @PrimaryColumn('text')
  kid!: string;

  @Column('text', { name: 'private_key_pem' })
  privateKeyPem!: string;

  @Column('jsonb', { name: 'public_jwk' })
  publicJwk!: PublicSigningKey;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt!: Date | null;
}
