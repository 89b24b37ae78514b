import { Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import { queryLimitError } from './query-limit.error';

/**
 * Refuses queries nested deeper than `max` fields (fragments followed), before anything executes:
 * a cheap guard against queries built to make the services do unbounded work.
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // Each fragment is measured once: spreading one twice in each of many fragments would
    // otherwise make this exponential in the size of the document.
    const fragmentDepths = new Map<string, number>();
    const depthBelow = (node: ASTNode, visiting: Set<string>): number => {
      switch (node.kind) {
        case Kind.FIELD:
          if (node.name.value.startsWith('__')) return 0;
          return 1 + (node.selectionSet ? depthBelow(node.selectionSet, visiting) : 0);
        case Kind.SELECTION_SET:
          return node.selections.reduce((deepest, selection) => Math.max(deepest, depthBelow(selection, visiting)), 0);
        case Kind.INLINE_FRAGMENT:
          return depthBelow(node.selectionSet, visiting);
        case Kind.FRAGMENT_SPREAD: {
          const name = node.name.value;
          const fragment = fragments.get(name);
          // A cycle is refused by the spec's own rules; here it just ends the walk.
          if (!fragment || visiting.has(name)) return 0;
          if (!fragmentDepths.has(name)) {
            visiting.add(name);
            fragmentDepths.set(name, depthBelow(fragment.selectionSet, visiting));
            visiting.delete(name);
          }
          return fragmentDepths.get(name)!;
        }
        default:
          return 0;
      }
    };
    return {
      OperationDefinition(operation) {
        const depth = depthBelow(operation.selectionSet, new Set());
        if (depth > max)
          context.reportError(
            queryLimitError('DEPTH', `Query is ${depth} levels deep; the limit is ${max}`, max, {
              actual: depth,
              nodes: operation,
            }),
          );
      },
    };
  };
}
