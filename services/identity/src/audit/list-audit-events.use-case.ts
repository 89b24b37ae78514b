import type { AuditEventReply, Principal } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { assertAdmin } from '../admin/assert-admin';
import { toAuditEventReply } from './audit-event.mapper';
import { AuditLogRepository } from './audit-log.repository';

/** The security log, newest first, for platform admins (a READ token of theirs may look). */
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
    const page = await this.audit.list(input.first, after);
    return { events: page.events.map(toAuditEventReply), hasNextPage: page.hasNextPage };
  }
}
