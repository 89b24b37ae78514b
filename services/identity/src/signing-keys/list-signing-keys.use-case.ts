import type { PublicSigningKey } from '@kern/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { SigningKeysRepository } from './signing-keys.repository';
import { TokenSigner } from './token-signer';

/** Public keys only; anyone on the bus may ask (the gateway does, at start and on an unknown key id). */
@Injectable()
export class ListSigningKeysUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly keys: SigningKeysRepository,
    private readonly signer: TokenSigner,
  ) {}

  async execute(): Promise<{ keys: PublicSigningKey[] }> {
    if (this.config.JWT_PRIVATE_KEY) return { keys: [this.signer.activeKey.publicJwk] };
    return { keys: await this.keys.listPublic() };
  }
}
