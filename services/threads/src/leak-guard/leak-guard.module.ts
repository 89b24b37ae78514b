import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { LeakGuard } from './leak-guard';
import { LeakGuardRepository } from './leak-guard.repository';

/** The check before an employee's text reaches customers (see `LeakGuard`), for every use case that writes. */
@Module({
  imports: [AccessModule],
  providers: [LeakGuard, LeakGuardRepository],
  exports: [LeakGuard],
})
export class LeakGuardModule {}
