import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { queryLimitError } from './query-limit.error';

/** What a missing `first` pages by, and the most any page holds (the contract's paging). */
export const DEFAULT_PAGE = 20;
export const LARGEST_PAGE = 100;

/**
 * The cost model (README, "Query limits"): a scalar or enum field costs nothing (its parent already
 * fetched it); any other field costs 1 plus what is selected inside it; a field that takes `first`
 * costs 1 + first x what is selected inside it, since its selection is resolved once per item.
 * A missing `first` counts as 20; more than 100 counts as 100 (the resolver refuses it anyway).
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  if (!field.args.some((argument) => argument.name === 'first')) return 1 + childComplexity;
  const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), LARGEST_PAGE) : DEFAULT_PAGE;
  return 1 + first * childComplexity;
};

/**
 * The cost of running one operation of `document` with `variables`; undefined when the variables do
 * not fit the operation (execution refuses those with BAD_USER_INPUT before any resolver runs).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return undefined;
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [costEstimator],
    });
  } catch {
    // Fragments spread so often that the walk passed graphql-query-complexity's node limit: refused.
    return Infinity;
  }
}

/** The refusal of an operation that costs more than `max`, or undefined when it may run. */
export function costLimitError(max: number, ...operation: Parameters<typeof queryCost>): GraphQLError | undefined {
  const cost = queryCost(...operation);
  if (cost === undefined || cost <= max) return undefined;
  return Number.isFinite(cost)
    ? queryLimitError('COST', `Query costs ${cost}; the limit is ${max}`, max, { actual: cost })
    : queryLimitError('COST', `Query is too large to cost; the limit is ${max}`, max);
}
