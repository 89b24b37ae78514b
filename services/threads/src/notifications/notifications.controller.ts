import { notifications } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { NotificationsUseCase } from './notifications.use-case';

@Controller()
export class NotificationsController {
  constructor(private readonly inbox: NotificationsUseCase) {}

  @Handles(notifications.list)
  list(@Envelope(notifications.list) request: Request<typeof notifications.list>) {
    return this.inbox.list(request.payload, request.principal);
  }

  @Handles(notifications.markRead)
  async markRead(@Envelope(notifications.markRead) request: Request<typeof notifications.markRead>) {
    return { count: await this.inbox.markRead(request.payload.ids, request.principal) };
  }
}
