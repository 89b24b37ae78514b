import { identityEvents, type AccessRevocation } from '@kern/contracts';
import { EventPayload, On } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { RevocationStore } from './revocation.store';

/** Every gateway replica subscribes (no queue group): each must know every revocation. */
@Controller()
export class AccessRevocationsController {
  constructor(private readonly store: RevocationStore) {}

  @On(identityEvents.accessRevoked)
  revoked(@EventPayload(identityEvents.accessRevoked) revocation: AccessRevocation) {
    this.store.apply(revocation);
  }
}
