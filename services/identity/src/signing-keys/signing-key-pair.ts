import { ACCESS_TOKEN, type PublicSigningKey } from '@kern/contracts';
import { calculateJwkThumbprint } from 'jose';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** A key that signs access tokens, with its key id (the JWK thumbprint) and its public half. */
export interface SigningKeyPair {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicSigningKey;
}

/** A new Ed25519 key, as it is stored. */
export async function generateSigningKey(): Promise<{
  kid: string;
  publicJwk: PublicSigningKey;
  privateKeyPem: string;
}> {
  const { kid, privateKey, publicJwk } = await describeSigningKey(generateKeyPairSync('ed25519').privateKey);
  return { kid, publicJwk, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export async function describeSigningKey(privateKey: KeyObject): Promise<SigningKeyPair> {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('JWT_PRIVATE_KEY must be an Ed25519 key');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const kid = await calculateJwkThumbprint(jwk);
  return {
    kid,
    privateKey,
    publicJwk: { kid, kty: jwk.kty, crv: jwk.crv, x: jwk.x, alg: ACCESS_TOKEN.algorithm, use: 'sig' },
  };
}
