import { ANONYMOUS, identity, type PublicSigningKey } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { createLocalJWKSet } from 'jose';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

type KeyResolver = ReturnType<typeof createLocalJWKSet>;

/** An unknown key id triggers at most one fetch in this interval, so forged key ids cannot flood identity. */
const REFETCH_INTERVAL_MS = 1_000;

/**
 * The public keys that verify access tokens, by key id. They come from JWT_PUBLIC_KEYS or from the
 * identity service, fetched once, again when identity announces a rotation, and when a token names
 * a key id we do not know yet (at most once a second): verifying a request costs no call.
 */
@Injectable()
export class SigningKeyStore {
  private resolver: KeyResolver | null = null;
  private knownKids = new Set<string>();
  private lastFetch = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ServiceClient) private readonly client: ServiceClient,
  ) {
    if (config.JWT_PUBLIC_KEYS) this.use(JSON.parse(config.JWT_PUBLIC_KEYS) as PublicSigningKey[]);
  }

  /** Resolves the key for a token's header; refreshes first when the key id is new to us. */
  async resolverFor(kid: string | undefined): Promise<KeyResolver> {
    const stale = !this.resolver || (kid !== undefined && !this.knownKids.has(kid));
    if (stale && !this.config.JWT_PUBLIC_KEYS && Date.now() - this.lastFetch > REFETCH_INTERVAL_MS) {
      this.inFlight ??= this.fetch().finally(() => (this.inFlight = null));
      await this.inFlight;
    }
    if (!this.resolver) throw new Error('no signing keys loaded');
    return this.resolver;
  }

  /** After identity announced a rotation. */
  async refresh(): Promise<void> {
    if (this.config.JWT_PUBLIC_KEYS) return;
    this.inFlight ??= this.fetch().finally(() => (this.inFlight = null));
    await this.inFlight;
  }

  private async fetch() {
    const { keys } = await this.client.call(identity.listSigningKeys, {}, ANONYMOUS, { timeoutMs: 2000 });
    this.lastFetch = Date.now();
    this.use(keys);
  }

  private use(keys: PublicSigningKey[]) {
    this.knownKids = new Set(keys.map((key) => key.kid));
    this.resolver = createLocalJWKSet({ keys });
  }
}
