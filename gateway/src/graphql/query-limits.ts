import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { GatewayConfig } from '../config/gateway.config';
import { depthLimit } from './depth-limit.rule';
import { queryLimitError, type QueryLimit } from './query-limit.error';

/** What one operation may come to, over HTTP and WebSocket alike (README, "Query limits"). */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxSubscriptionsPerConnection: number;
}

export function queryLimitsOf(config: GatewayConfig): QueryLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxCost: config.GRAPHQL_MAX_COST,
    maxSubscriptionsPerConnection: config.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION,
  };
}

/** graphql-armor reports as a "Syntax Error" with BAD_USER_INPUT; Kern's limits have a code of their own. */
const refuseAs = (limit: QueryLimit, max: number) => (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(queryLimitError(limit, error.message.replace(/^Syntax Error: /, ''), max));

/**
 * The limits that depend on the document alone, as validation rules (cost depends on the variables
 * too: see query-cost.ts). Tokens are counted by graphql-js's own parser (`maxTokens`).
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    depthLimit(limits.maxDepth),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [refuseAs('ALIASES', limits.maxAliases)],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [refuseAs('DIRECTIVES', limits.maxDirectives)],
    }),
  ] as ValidationRule[];
}
