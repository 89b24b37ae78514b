import type { DocumentNode, GraphQLSchema } from 'graphql';
import { costLimitError } from './query-cost';

interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null;
  request: { variables?: Record<string, unknown> };
}

/**
 * Refuses an operation costing more than `max` before any resolver runs. A plugin rather than a
 * validation rule: the cost depends on the variables (`first: $first`), and Apollo validates each
 * document once and caches it.
 */
// Typed structurally: Apollo's own plugin type differs between its ESM and CJS builds.
export function queryCostLimit(max: number) {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operationName, request }: ResolvedOperation) {
          const error = costLimitError(max, schema, document, request.variables, operationName);
          return error ? Promise.reject(error) : Promise.resolve();
        },
      });
    },
  };
}
