import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthAttemptsRepository } from './auth-attempts.repository';
import { RateLimits } from './rate-limits';
import { Throttle } from './throttle';

/** The limits on sign-ins, registrations and registration notices. */
@Module({
  imports: [AuditModule],
  providers: [RateLimits, AuthAttemptsRepository, Throttle],
  exports: [Throttle],
})
export class ThrottlingModule {}
