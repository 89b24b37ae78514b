import { Module } from '@nestjs/common';
import { AccessRevocationsController } from './access-revocations.controller';
import { AccessTokenVerifier } from './access-token.verifier';
import { RevocationStore } from './revocation.store';
import { SigningKeyStore } from './signing-key.store';

@Module({
  controllers: [AccessRevocationsController],
  providers: [SigningKeyStore, RevocationStore, AccessTokenVerifier],
  exports: [AccessTokenVerifier],
})
export class AuthModule {}
