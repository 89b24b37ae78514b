import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { costLimitError } from './query-cost';
import { queryLimitError } from './query-limit.error';
import type { QueryLimits } from './query-limits';

interface Connection {
  /** graphql-ws's operations open on the connection, the one being started included. */
  subscriptions: Record<string, unknown>;
}

interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The code Apollo gives the same failure over HTTP; graphql-ws gives none. */
function withCode(error: unknown, code: string): GraphQLError {
  if (!(error instanceof GraphQLError)) return new GraphQLError(String(error), { extensions: { code } });
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error,
    extensions: { ...error.extensions, code },
  });
}

/**
 * graphql-ws's `onSubscribe`: graphql-ws never runs Apollo's validation rules or plugins, so every
 * operation sent over a WebSocket is parsed, validated and costed here with the same limits as over
 * HTTP, and counted against its connection's cap, before it runs. Refusals go back as GraphQL errors
 * for that operation; the connection stays open.
 */
export function checkWebSocketOperation(limits: QueryLimits, rules: ValidationRule[], schemaOf: () => GraphQLSchema) {
  const allRules = [...specifiedRules, ...rules];
  return (connection: Connection, _id: string, payload: SubscribePayload): ExecutionArgs | GraphQLError[] => {
    const max = limits.maxSubscriptionsPerConnection;
    if (Object.keys(connection.subscriptions).length > max) {
      return [
        queryLimitError('SUBSCRIPTIONS', `A connection may run ${max} operations at once; complete one first`, max),
      ];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
    }
    const schema = schemaOf();
    const errors = validate(schema, document, allRules);
    if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
    const variables = payload.variables ?? undefined;
    const tooCostly = costLimitError(limits.maxCost, schema, document, variables, payload.operationName);
    if (tooCostly) return [tooCostly];
    return { schema, document, variableValues: variables, operationName: payload.operationName };
  };
}
