import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ListSigningKeysUseCase } from './list-signing-keys.use-case';
import { RotateSigningKeyUseCase } from './rotate-signing-key.use-case';
import { SigningKeysController } from './signing-keys.controller';
import { SigningKeysRepository } from './signing-keys.repository';
import { TokenSigner } from './token-signer';

@Module({
  imports: [AuditModule],
  controllers: [SigningKeysController],
  providers: [SigningKeysRepository, TokenSigner, ListSigningKeysUseCase, RotateSigningKeyUseCase],
  exports: [TokenSigner],
})
export class SigningKeysModule {}
