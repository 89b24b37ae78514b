import type { AuditEventReply } from '@kern/contracts';
import type { AuditEventRecord } from './audit-log.repository';

export function toAuditEventReply(event: AuditEventRecord): AuditEventReply {
  return {
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    actorId: event.actorId,
    subjectUserId: event.subjectUserId,
    clientAddress: event.clientAddress,
    details: event.details,
  };
}
