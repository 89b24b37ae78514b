import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ClientNats, type ClientProxy } from '@nestjs/microservices';
import { ServiceClient } from './service-client';

export interface ServiceClientOptions {
  servers: string[];
  timeoutMs: number;
  /** Shown in the NATS server's connection list. */
  name: string;
}

export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const proxy = new ClientNats({
    servers: options.servers,
    name: options.name,
    // Keep retrying: a NATS restart must not leave a long-running process without a connection.
    maxReconnectAttempts: -1,
  });
  return new ServiceClient(proxy as unknown as ClientProxy, options.timeoutMs);
}

/** One NATS client per process, injectable as `ServiceClient` everywhere in it. */
@Global()
@Module({})
export class ServiceClientModule {
  static forRoot(options: ServiceClientOptions): DynamicModule {
    return {
      module: ServiceClientModule,
      providers: [{ provide: ServiceClient, useFactory: () => createServiceClient(options) }, ServiceClientCloser],
      exports: [ServiceClient],
    };
  }
}

@Injectable()
class ServiceClientCloser implements OnApplicationShutdown {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}
  async onApplicationShutdown() {
    await this.client.close();
  }
}
