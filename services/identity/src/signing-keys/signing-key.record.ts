import type { PublicSigningKey } from '@kern/contracts';

/** A stored signing key. The private half is in the identity schema only when JWT_PRIVATE_KEY is unset. */
export interface SigningKeyRecord {
  kid: string;
  privateKeyPem: string;
  publicJwk: PublicSigningKey;
  createdAt: Date;
}
