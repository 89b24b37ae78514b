import { identity, identityEvents } from '@kern/contracts';
import { Envelope, Handles, ServiceClient, type Request } from '@kern/messaging';
import { Controller, Inject } from '@nestjs/common';
import { assertAdminWriter } from '../admin/assert-admin';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { TokenSigner } from './token-signer';

@Controller()
export class SigningKeysController {
  constructor(
    private readonly signer: TokenSigner,
    private readonly audit: AuditLogRepository,
    @Inject(ServiceClient) private readonly client: ServiceClient,
  ) {}

  /** Public keys only; anyone on the bus may ask (the gateway does, at start and on an unknown key id). */
  @Handles(identity.listSigningKeys)
  async list() {
    return { keys: await this.signer.publicKeys() };
  }

  @Handles(identity.rotateSigningKey)
  async rotate(@Envelope(identity.rotateSigningKey) request: Request<typeof identity.rotateSigningKey>) {
    assertAdminWriter(request.principal);
    const kid = await this.signer.rotate();
    await this.audit.record({ action: 'SIGNING_KEY_ROTATED', actorId: request.principal.userId, details: { kid } });
    await this.client.emit(identityEvents.signingKeyRotated, { kid });
    return { kid };
  }
}
