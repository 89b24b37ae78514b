import { ACCESS_TOKEN, type PublicSigningKey, type UserPrincipal } from '@kern/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { calculateJwkThumbprint, SignJWT } from 'jose';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { badInput } from '@kern/messaging';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { SigningKeysRepository } from './signing-keys.repository';

interface ActiveKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicSigningKey;
}

/**
 * Signs access tokens with Ed25519 (EdDSA), so the gateway verifies them with the public key alone,
 * without a call to this service. The key comes from JWT_PRIVATE_KEY, or is generated once and kept
 * in this service's schema so every replica signs with the same one.
 */
@Injectable()
export class TokenSigner implements OnModuleInit {
  private key!: ActiveKey;

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly keys: SigningKeysRepository,
  ) {}

  async onModuleInit() {
    if (this.config.JWT_PRIVATE_KEY) {
      this.key = await describeKey(createPrivateKey(this.config.JWT_PRIVATE_KEY));
      return;
    }
    await this.loadActiveKey();
  }

  /**
   * Every replica re-reads the active key before signing when it may have changed, so a rotation
   * on one replica is followed by all within this interval.
   */
  private keyCheckedAt = 0;
  private static readonly KEY_RECHECK_MS = 30_000;

  private async loadActiveKey() {
    const stored = await this.keys.activeOrCreate(generateKey);
    this.key = { kid: stored.kid, privateKey: createPrivateKey(stored.privateKeyPem), publicJwk: stored.publicJwk };
    this.keyCheckedAt = Date.now();
  }

  /** Starts signing with a new key; tokens signed with the old one stay valid until they expire. */
  async rotate(): Promise<string> {
    if (this.config.JWT_PRIVATE_KEY) throw badInput('The signing key comes from JWT_PRIVATE_KEY: rotate it there');
    await this.keys.retireAllAndCreate(generateKey);
    await this.loadActiveKey();
    return this.key.kid;
  }

  async publicKeys(): Promise<PublicSigningKey[]> {
    if (this.config.JWT_PRIVATE_KEY) return [this.key.publicJwk];
    return (await this.keys.listPublic()).map((key) => key.publicJwk);
  }

  /** `ver` is the user's token version: the gateway refuses tokens older than a revocation. */
  async sign(principal: UserPrincipal, tokenVersion: number): Promise<{ token: string; expiresAt: Date }> {
    if (!this.config.JWT_PRIVATE_KEY && Date.now() - this.keyCheckedAt > TokenSigner.KEY_RECHECK_MS)
      await this.loadActiveKey();
    const expiresAt = new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const claims = { kind: principal.kind, roles: principal.roles, ev: principal.emailVerified, ver: tokenVersion };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ACCESS_TOKEN.algorithm, kid: this.key.kid, typ: ACCESS_TOKEN.type })
      .setIssuer(ACCESS_TOKEN.issuer)
      .setAudience(ACCESS_TOKEN.audience)
      .setSubject(principal.userId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key.privateKey);
    return { token, expiresAt };
  }
}

async function generateKey() {
  const { kid, privateKey, publicJwk } = await describeKey(generateKeyPairSync('ed25519').privateKey);
  return { kid, publicJwk, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

async function describeKey(privateKey: KeyObject): Promise<ActiveKey> {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('JWT_PRIVATE_KEY must be an Ed25519 key');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const kid = await calculateJwkThumbprint(jwk);
  return {
    kid,
    privateKey,
    publicJwk: { kid, kty: jwk.kty, crv: jwk.crv, x: jwk.x, alg: ACCESS_TOKEN.algorithm, use: 'sig' },
  };
}
