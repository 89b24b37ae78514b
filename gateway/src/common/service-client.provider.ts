import { natsServers } from '@kern/config';
import { createServiceClient, ServiceClient } from '@kern/messaging';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

export const serviceClientProvider: Provider = {
  provide: ServiceClient,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig) =>
    createServiceClient({ servers: natsServers(config.NATS_URL), timeoutMs: config.SERVICE_TIMEOUT_MS, name: `gateway-${process.pid}` }),
};

@Injectable()
export class ServiceClientCloser implements OnApplicationShutdown {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}
  async onApplicationShutdown() {
    await this.client.close();
  }
}
