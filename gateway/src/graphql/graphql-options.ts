import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { LoggerService } from '@nestjs/common';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { ServiceClient } from '@kern/messaging';
import { DomainError } from '@kern/messaging';
import type { AccessTokenVerifier } from '../auth/access-token.verifier';
import type { RequestContext } from '../auth/request-context';
import type { GatewayConfig } from '../config/gateway.config';
import { formatGraphQLError, httpStatusOf } from '../errors/graphql-error.mapper';
import { createLoaders } from './loaders';
import { depthLimit } from './depth-limit.rule';
import { readOnlyCredentials } from './read-only-credentials.plugin';

export function graphqlOptions(
  config: GatewayConfig,
  verifier: AccessTokenVerifier,
  client: ServiceClient,
  logger: LoggerService,
): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.GRAPHQL_INTROSPECTION ?? !production,
    includeStacktraceInErrorResponses: false,
    // Apollo's CSRF prevention stays on: browsers cannot send a preflight-free GraphQL request.
    csrfPrevention: true,
    validationRules: [depthLimit(config.GRAPHQL_MAX_DEPTH)],
    plugins: [readOnlyCredentials],
    formatError: formatGraphQLError((error) => logger.error(error instanceof Error ? error : String(error), 'GraphQL')),
    context: async ({ req }: { req: Request }): Promise<RequestContext> => {
      try {
        const principal = await verifier.principalFor(req.headers.authorization);
        return { req, principal, clientAddress: req.ip, loaders: createLoaders(client, principal) };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // A bad token fails the whole request with 401, rather than quietly reading as anonymous.
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: httpStatusOf(error.code) } } });
      }
    },
  };
}
