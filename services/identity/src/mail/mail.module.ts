import { Module } from '@nestjs/common';
import { IDENTITY_CONFIG } from '../config/identity.config';
import { Mailer } from './mailer';
import { createMailer } from './mailer.provider';

/** One `Mailer` for the service, chosen by its configuration. */
@Module({
  providers: [{ provide: Mailer, useFactory: createMailer, inject: [IDENTITY_CONFIG] }],
  exports: [Mailer],
})
export class MailModule {}
