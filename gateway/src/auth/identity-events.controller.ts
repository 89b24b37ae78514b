import { identityEvents, type AccessRevocation } from '@kern/contracts';
import { EventPayload, On } from '@kern/messaging';
import { Controller, Logger } from '@nestjs/common';
import { RevocationStore } from './revocation.store';
import { SigningKeyStore } from './signing-key.store';

/** Every gateway replica subscribes (no queue group): each must hear of every revocation and rotation. */
@Controller()
export class IdentityEventsController {
  private readonly logger = new Logger(IdentityEventsController.name);

  constructor(
    private readonly revocations: RevocationStore,
    private readonly keys: SigningKeyStore,
  ) {}

  @On(identityEvents.accessRevoked)
  revoked(@EventPayload(identityEvents.accessRevoked) revocation: AccessRevocation) {
    this.revocations.apply(revocation);
  }

  @On(identityEvents.signingKeyRotated)
  async rotated(@EventPayload(identityEvents.signingKeyRotated) _rotation: { kid: string }) {
    await this.keys.refresh().catch((error) =>
      this.logger.warn({
        msg: 'could not fetch the new signing key; the next unknown key id will',
        error: String(error),
      }),
    );
  }
}
