import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { DeliveryAudience } from './delivery-audience';
import { ListNotificationsUseCase } from './list-notifications.use-case';
import { MarkNotificationsReadUseCase } from './mark-notifications-read.use-case';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotifyAnswerAcceptedHandler } from './notify-answer-accepted.handler';
import { NotifyPostModeratedHandler } from './notify-post-moderated.handler';
import { NotifyPostPublishedHandler } from './notify-post-published.handler';
import { NotifyQuestionRoutedHandler } from './notify-question-routed.handler';
import { RecipientsRepository } from './recipients.repository';

const handlers = [
  NotifyPostPublishedHandler,
  NotifyAnswerAcceptedHandler,
  NotifyPostModeratedHandler,
  NotifyQuestionRoutedHandler,
];

/**
 * Notifications, delivered from durable events to those who may read the post at delivery, and the
 * inbox, checked again when it is read. The handlers are exported for the service's durable consumers.
 */
@Module({
  imports: [AccessModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    RecipientsRepository,
    DeliveryAudience,
    ListNotificationsUseCase,
    MarkNotificationsReadUseCase,
    ...handlers,
  ],
  exports: handlers,
})
export class NotificationsModule {}
