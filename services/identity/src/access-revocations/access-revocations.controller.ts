import { identity } from '@kern/contracts';
import { Handles } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { AccessRevocations } from './access-revocations';

@Controller()
export class AccessRevocationsController {
  constructor(private readonly revocations: AccessRevocations) {}

  /** Only user ids and version numbers: nothing a caller on the bus could misuse. */
  @Handles(identity.listAccessRevocations)
  async list() {
    return { revocations: await this.revocations.inForce() };
  }
}
