import { identity } from '@kern/contracts';
import { Handles } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { TokenSigner } from './token-signer';

@Controller()
export class SigningKeysController {
  constructor(private readonly signer: TokenSigner) {}

  /** Public keys only; anyone on the bus may ask (the gateway does, at start and on an unknown key id). */
  @Handles(identity.listSigningKeys)
  async list() {
    return { keys: await this.signer.publicKeys() };
  }
}
