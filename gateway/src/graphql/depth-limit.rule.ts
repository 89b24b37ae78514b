import { GraphQLError, Kind, type ASTNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Refuses queries nested deeper than `max` fields (fragments followed), before anything executes:
 * a cheap guard against queries built to make the services do unbounded work.
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      switch (node.kind) {
        case Kind.FIELD: {
          if (node.name.value.startsWith('__')) return depth;
          return node.selectionSet ? depthOf(node.selectionSet, depth + 1, seen) : depth + 1;
        }
        case Kind.SELECTION_SET:
          return Math.max(depth, ...node.selections.map((selection) => depthOf(selection, depth, seen)));
        case Kind.INLINE_FRAGMENT:
          return depthOf(node.selectionSet, depth, seen);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(node.name.value);
          if (!fragment || seen.has(node.name.value)) return depth;
          return depthOf(fragment.selectionSet, depth, new Set(seen).add(node.name.value));
        }
        default:
          return depth;
      }
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, 0, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`Query is ${depth} levels deep; the limit is ${max}`, { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
          );
        }
      },
    };
  };
}
