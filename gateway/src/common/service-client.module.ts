import { Global, Module } from '@nestjs/common';
import { ServiceClient } from '@kern/messaging';
import { ServiceClientCloser, serviceClientProvider } from './service-client.provider';

/** One NATS client per gateway process, shared by every resolver. */
@Global()
@Module({ providers: [serviceClientProvider, ServiceClientCloser], exports: [ServiceClient] })
export class ServiceClientModule {}
