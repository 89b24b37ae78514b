import { canWrite, ErrorCode, isAuthenticated } from '@kern/contracts';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../auth/request-context';

/**
 * A READ API token runs no mutation at all, refused before any resolver runs. (The services check
 * the principal's scopes again: this is the first lock, not the only one.)
 */
// Typed structurally: Apollo's own plugin type differs between its ESM and CJS builds.
export const readOnlyCredentials = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({
        operation,
        contextValue,
      }: {
        operation?: { operation: string };
        contextValue: RequestContext;
      }) {
        const { principal } = contextValue;
        if (operation?.operation === 'mutation' && isAuthenticated(principal) && !canWrite(principal)) {
          return Promise.reject(
            new GraphQLError('This API token may only read', {
              extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
            }),
          );
        }
        return Promise.resolve();
      },
    });
  },
};
