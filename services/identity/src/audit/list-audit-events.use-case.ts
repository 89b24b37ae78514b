import type { AuditEventReply, Principal } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { assertAdmin } from '../admin/assert-admin';
import { AuditLogRepository } from './audit-log.repository';

@Injectable()
export class ListAuditEventsUseCase {
  constructor(private readonly audit: AuditLogRepository) {}

  async execute(
    input: { first: number; after?: string },
    principal: Principal,
  ): Promise<{ events: AuditEventReply[]; hasNextPage: boolean }> {
    assertAdmin(principal);
    const after = input.after === undefined ? undefined : Number(input.after);
    if (after !== undefined && !Number.isSafeInteger(after)) throw badInput('Invalid cursor', { field: 'after' });
    return this.audit.list(input.first, after);
  }
}
