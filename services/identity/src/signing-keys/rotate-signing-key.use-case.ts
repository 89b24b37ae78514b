import { identityEvents, type Principal } from '@kern/contracts';
import { Database } from '@kern/database';
import { badInput, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { assertAdminWriter } from '../admin/assert-admin';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { generateSigningKey } from './signing-key-pair';
import { SigningKeysRepository } from './signing-keys.repository';
import { TokenSigner } from './token-signer';

/**
 * Starts signing with a new key; tokens signed with the old one stay valid until they expire. The
 * gateway is told, so it fetches the new public key before the first token signed with it arrives.
 */
@Injectable()
export class RotateSigningKeyUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly database: Database,
    private readonly keys: SigningKeysRepository,
    private readonly signer: TokenSigner,
    private readonly audit: AuditLogRepository,
    @Inject(ServiceClient) private readonly client: ServiceClient,
  ) {}

  async execute(principal: Principal): Promise<{ kid: string }> {
    assertAdminWriter(principal);
    if (this.config.JWT_PRIVATE_KEY) throw badInput('The signing key comes from JWT_PRIVATE_KEY: rotate it there');
    const key = await generateSigningKey();
    await this.database.transaction(async () => {
      await this.keys.lock();
      await this.keys.retireActive();
      await this.keys.insert(key);
    });
    await this.signer.reload();
    const { kid } = this.signer.activeKey;
    await this.audit.record({ action: 'SIGNING_KEY_ROTATED', actorId: principal.userId, details: { kid } });
    await this.client.emit(identityEvents.signingKeyRotated, { kid });
    return { kid };
  }
}
