import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { LoggerService } from '@nestjs/common';
import type { Request } from 'express';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { ServiceClient } from '@kern/messaging';
import { isDomainError } from '@kern/messaging';
import type { AccessTokenVerifier } from '../auth/access-token.verifier';
import type { RequestContext } from '../auth/request-context';
import type { GatewayConfig } from '../config/gateway.config';
import { formatGraphQLError, httpStatusOf } from '../errors/graphql-error.mapper';
import { credentialKeyOf } from '../live/live-viewer';
import { createLoaders } from './loaders';
import { queryCostLimit } from './query-cost.plugin';
import { queryLimitRules, queryLimitsOf } from './query-limits';
import { readOnlyCredentials } from './read-only-credentials.plugin';
import { checkWebSocketOperation } from './websocket-operations';

export function graphqlOptions(
  config: GatewayConfig,
  verifier: AccessTokenVerifier,
  client: ServiceClient,
  logger: LoggerService,
): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  const limits = queryLimitsOf(config);
  const limitRules = queryLimitRules(limits);
  // The schema Nest builds from the resolvers, for the operations graphql-ws receives.
  let served: GraphQLSchema | undefined;
  const formatError = formatGraphQLError(
    (error) => {
      logger.error(error instanceof Error ? error : String(error), 'GraphQL');
    },
    { hideSuggestions: production },
  );
  // Subscriptions bypass Apollo: their errors get the same treatment here (stable codes, no internals).
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const subscriptionContext = async (connectionParams: Record<string, unknown>): Promise<RequestContext> => {
    const header = connectionParams.authorization ?? connectionParams.Authorization;
    const authorization = typeof header === 'string' ? header : undefined;
    const principal = await verifier.principalFor(authorization);
    return {
      principal,
      clientAddress: undefined,
      loaders: createLoaders(client, principal),
      viewer: { credentialKey: credentialKeyOf(authorization), revalidate: () => verifier.principalFor(authorization) },
    };
  };
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.GRAPHQL_INTROSPECTION ?? !production,
    includeStacktraceInErrorResponses: false,
    // Apollo's CSRF prevention stays on: browsers cannot send a preflight-free GraphQL request.
    csrfPrevention: true,
    transformSchema: (schema: GraphQLSchema) => (served = schema),
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules,
    plugins: [readOnlyCredentials, queryCostLimit(limits.maxCost)],
    formatError,
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onSubscribe: checkWebSocketOperation(limits, limitRules, () => served!),
        onNext: (_ctx: unknown, _id: unknown, _payload: unknown, _args: unknown, result: ExecutionResult) =>
          result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
        // Not in Nest's type, but passed through to graphql-ws: errors before the first event.
        ...({
          onError: (_ctx: unknown, _id: unknown, _payload: unknown, errors: readonly GraphQLError[]) =>
            formatAll(errors),
        } as object),
      },
    },
    context: async ({
      req,
      connectionParams,
    }: {
      req?: Request;
      connectionParams?: Record<string, unknown>;
    }): Promise<RequestContext> => {
      // A WebSocket sends its token once, in the connection parameters, with the same verification.
      if (!req) return subscriptionContext(connectionParams ?? {});
      try {
        const principal = await verifier.principalFor(req.headers.authorization);
        return { req, principal, clientAddress: req.ip, loaders: createLoaders(client, principal) };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        // A bad token fails the whole request with 401, rather than quietly reading as anonymous.
        throw new GraphQLError(error.message, {
          extensions: { ...error.details, code: error.code, http: { status: httpStatusOf(error.code) } },
        });
      }
    },
  };
}
