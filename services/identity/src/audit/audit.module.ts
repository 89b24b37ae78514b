import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLogRepository } from './audit-log.repository';
import { ListAuditEventsUseCase } from './list-audit-events.use-case';

/** The security log: every aggregate records into it, admins read it. */
@Module({
  controllers: [AuditController],
  providers: [AuditLogRepository, ListAuditEventsUseCase],
  exports: [AuditLogRepository],
})
export class AuditModule {}
