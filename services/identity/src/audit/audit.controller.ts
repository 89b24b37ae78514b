import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ListAuditEventsUseCase } from './list-audit-events.use-case';

@Controller()
export class AuditController {
  constructor(private readonly listAuditEvents: ListAuditEventsUseCase) {}

  @Handles(identity.listAuditEvents)
  list(@Envelope(identity.listAuditEvents) request: Request<typeof identity.listAuditEvents>) {
    return this.listAuditEvents.execute(request.payload, request.principal);
  }
}
