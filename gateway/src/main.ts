import 'reflect-metadata';
import { createLogger } from '@kern/logging';
import { natsServers } from '@kern/config';
import { NestFactory } from '@nestjs/core';
import { ServerNats } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { loadGatewayConfig } from './config/gateway.config';
import { DomainErrorFilter } from './errors/domain-error.filter';

async function main() {
  let logger = createLogger('gateway');
  try {
    const config = loadGatewayConfig();
    logger = createLogger('gateway', config);
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      logger,
      bodyParser: false,
    });
    app.useBodyParser('json', { limit: config.GRAPHQL_BODY_LIMIT });
    app.disable('x-powered-by');
    app.set('trust proxy', config.TRUST_PROXY);
    // Events every replica must see (no queue group), e.g. access revocations.
    app.connectMicroservice({
      strategy: new ServerNats({
        servers: natsServers(config.NATS_URL),
        name: `gateway-events-${process.pid}`,
        maxReconnectAttempts: -1,
      }),
    });
    await app.startAllMicroservices();
    app.useGlobalFilters(new DomainErrorFilter());
    // SIGTERM: stop accepting, finish the requests in progress, then close the NATS client.
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    // Open WebSockets and slow requests must not keep the process past the grace period.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref());
    }
    await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
    const { port } = app.getHttpServer().address() as { port: number };
    logger.log({ msg: `gateway ready: GraphQL endpoint http://127.0.0.1:${port}/graphql`, port }, 'Bootstrap');
  } catch (error) {
    if (error instanceof Error && error.name === 'ConfigError') logger.error(error.message, 'Bootstrap');
    else logger.error(error instanceof Error ? error : String(error), 'Bootstrap');
    process.exit(1);
  }
}

void main();
