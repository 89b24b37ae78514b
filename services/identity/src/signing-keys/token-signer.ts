import { ACCESS_TOKEN, type PublicSigningKey, type UserPrincipal } from '@kern/contracts';
import { Database } from '@kern/database';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SignJWT } from 'jose';
import { createPrivateKey } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { describeSigningKey, generateSigningKey, type SigningKeyPair } from './signing-key-pair';
import { SigningKeysRepository } from './signing-keys.repository';

/**
 * Every replica re-reads the active key before signing when it may have changed, so a rotation
 * on one replica is followed by all within this interval.
 */
const KEY_RECHECK_MS = 30_000;

/**
 * Signs access tokens with Ed25519 (EdDSA), so the gateway verifies them with the public key alone,
 * without a call to this service. The key comes from JWT_PRIVATE_KEY, or is generated once and kept
 * in this service's schema so every replica signs with the same one.
 */
@Injectable()
export class TokenSigner implements OnModuleInit {
  private key!: SigningKeyPair;
  private keyCheckedAt = 0;

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly database: Database,
    private readonly keys: SigningKeysRepository,
  ) {}

  async onModuleInit() {
    if (this.config.JWT_PRIVATE_KEY) {
      this.key = await describeSigningKey(createPrivateKey(this.config.JWT_PRIVATE_KEY));
      return;
    }
    await this.reload();
  }

  /** The key id and public half of the key this replica signs with now. */
  get activeKey(): { kid: string; publicJwk: PublicSigningKey } {
    return { kid: this.key.kid, publicJwk: this.key.publicJwk };
  }

  /** Signs with the newest active stored key from now on, creating the first one if there is none. */
  async reload(): Promise<void> {
    const stored = await this.database.transaction(async () => {
      await this.keys.lock();
      return (await this.keys.findActive()) ?? (await this.keys.insert(await generateSigningKey()));
    });
    this.key = { kid: stored.kid, privateKey: createPrivateKey(stored.privateKeyPem), publicJwk: stored.publicJwk };
    this.keyCheckedAt = Date.now();
  }

  /** `ver` is the user's token version: the gateway refuses tokens older than a revocation. */
  async sign(principal: UserPrincipal, tokenVersion: number): Promise<{ token: string; expiresAt: Date }> {
    if (!this.config.JWT_PRIVATE_KEY && Date.now() - this.keyCheckedAt > KEY_RECHECK_MS) await this.reload();
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
