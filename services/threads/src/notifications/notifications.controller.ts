import { notifications } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ListNotificationsUseCase } from './list-notifications.use-case';
import { MarkNotificationsReadUseCase } from './mark-notifications-read.use-case';

@Controller()
export class NotificationsController {
  constructor(
    private readonly inbox: ListNotificationsUseCase,
    private readonly reading: MarkNotificationsReadUseCase,
  ) {}

  @Handles(notifications.list)
  list(@Envelope(notifications.list) request: Request<typeof notifications.list>) {
    return this.inbox.execute(request.payload, request.principal);
  }

  @Handles(notifications.markRead)
  async markRead(@Envelope(notifications.markRead) request: Request<typeof notifications.markRead>) {
    return { count: await this.reading.execute(request.payload.ids, request.principal) };
  }
}
