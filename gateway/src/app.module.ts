import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { natsServers } from '@kern/config';
import { ServiceClient, ServiceClientModule } from '@kern/messaging';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { AuthModule } from './auth/auth.module';
import { GATEWAY_CONFIG, gatewayConfigModule, type GatewayConfig } from './config/gateway.config';
import { graphqlOptions } from './graphql/graphql-options';
import { resolvers } from './graphql/resolvers';
import { HealthController } from './health/health.controller';
import { LiveEvents } from './live/live-events';
import { LiveFeeds } from './live/live-feeds';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        gatewayConfigModule(config),
        ServiceClientModule.forRoot({
          servers: natsServers(config.NATS_URL),
          timeoutMs: config.SERVICE_TIMEOUT_MS,
          name: `gateway-${process.pid}`,
        }),
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [GATEWAY_CONFIG, AccessTokenVerifier, ServiceClient],
          useFactory: (gatewayConfig: GatewayConfig, verifier: AccessTokenVerifier, client: ServiceClient) =>
            graphqlOptions(gatewayConfig, verifier, client, new Logger('GraphQL')),
        }),
      ],
      controllers: [HealthController],
      providers: [...resolvers, LiveEvents, LiveFeeds],
    };
  }
}
