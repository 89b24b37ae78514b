import { GraphQLError, type ASTNode } from 'graphql';

/** The code of every refusal by a query limit: the request was valid GraphQL, just too much of it. */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

/** Which limit refused the operation (`extensions.limit`); README lists each with its variable. */
export type QueryLimit = 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'COST' | 'SUBSCRIPTIONS';

export interface QueryLimitExtensions {
  code: typeof QUERY_LIMIT_EXCEEDED;
  limit: QueryLimit;
  max: number;
  /** What the operation came to, where it is known (depth, cost). */
  actual?: number;
}

export function queryLimitError(
  limit: QueryLimit,
  message: string,
  max: number,
  options: { actual?: number; nodes?: ASTNode } = {},
): GraphQLError {
  const extensions: QueryLimitExtensions = {
    code: QUERY_LIMIT_EXCEEDED,
    limit,
    max,
    ...(options.actual === undefined ? {} : { actual: options.actual }),
  };
  return new GraphQLError(message, { nodes: options.nodes, extensions: { ...extensions, http: { status: 400 } } });
}

/**
 * The limit's extensions of an error, or undefined for any other error. Apollo wraps a validation
 * rule's error (and overwrites its code with GRAPHQL_VALIDATION_FAILED), so the original is looked for too.
 */
export function queryLimitOf(error: unknown): QueryLimitExtensions | undefined {
  for (
    let current = error;
    current instanceof Error;
    current = (current as { originalError?: unknown }).originalError
  ) {
    const extensions = (current as { extensions?: Record<string, unknown> }).extensions;
    if (extensions?.code === QUERY_LIMIT_EXCEEDED) {
      const { code, limit, max, actual } = extensions as unknown as QueryLimitExtensions;
      return { code, limit, max, ...(actual === undefined ? {} : { actual }) };
    }
  }
  return undefined;
}
