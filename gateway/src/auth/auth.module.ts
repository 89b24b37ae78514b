import { Module } from '@nestjs/common';
import { AccessTokenVerifier } from './access-token.verifier';
import { SigningKeyStore } from './signing-key.store';

@Module({ providers: [SigningKeyStore, AccessTokenVerifier], exports: [AccessTokenVerifier] })
export class AuthModule {}
