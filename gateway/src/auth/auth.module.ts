import { Module } from '@nestjs/common';
import { IdentityEventsController } from './identity-events.controller';
import { AccessTokenVerifier } from './access-token.verifier';
import { RevocationStore } from './revocation.store';
import { SigningKeyStore } from './signing-key.store';

@Module({
  controllers: [IdentityEventsController],
  providers: [SigningKeyStore, RevocationStore, AccessTokenVerifier],
  exports: [AccessTokenVerifier],
})
export class AuthModule {}
