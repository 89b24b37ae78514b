import { ErrorCode, isErrorCode } from '@kern/contracts';
import { isDomainError } from '@kern/messaging';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { queryLimitOf } from '../graphql/query-limit.error';

/** Codes graphql-js and Apollo Server set themselves for requests that never reached a resolver. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The HTTP status a failed request gets when the error stops the whole request (e.g. a bad token). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.CONFIRMATION_REQUIRED:
      return 400;
    case ErrorCode.CONFLICT:
      return 409;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL:
      return 500;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled error code ${String(value)}`);
}

/** graphql-js's "Did you mean ..." (fields, arguments, types, enum values): it maps the schema for anyone who guesses. */
const SUGGESTION = / ?Did you mean .+\?$/;

export interface ErrorFormatOptions {
  /** Leave out graphql-js's suggestions (production: introspection is off, so they would stand in for it). */
  hideSuggestions?: boolean;
}

/**
 * Apollo's `formatError`: what a client may learn of a failure. Domain errors keep their code and
 * details; query limits keep theirs; graphql-js request errors pass; everything else is a bug,
 * logged and shown only as INTERNAL_SERVER_ERROR, never with a stack trace.
 */
export function formatGraphQLError(log: (error: unknown) => void, options: ErrorFormatOptions = {}) {
  const withoutSuggestions = (message: string) => (options.hideSuggestions ? message.replace(SUGGESTION, '') : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limit = queryLimitOf(error);
    if (limit) return { message: formatted.message, locations: formatted.locations, extensions: { ...limit } };
    const original = unwrapResolverError(error);
    if (isDomainError(original)) {
      if (original.code === ErrorCode.INTERNAL) log(original);
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    // Request errors, and errors the gateway raised itself with a contract code (a bad token).
    if (
      typeof code === 'string' &&
      (REQUEST_ERROR_CODES.has(code) || (isGraphQLError(original) && isErrorCode(code)))
    ) {
      // A stable `reason` (TOKEN_OUTDATED: refresh) tells a client what to do about a refused token.
      const reason = formatted.extensions?.reason;
      return {
        message: withoutSuggestions(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, ...(typeof reason === 'string' ? { reason } : {}) },
      };
    }
    log(original);
    return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL } };
  };
}

/**
 * Apollo runs as ESM and loads graphql's ESM build, while this CommonJS code loads its CJS build: the
 * two GraphQLError classes differ, so `instanceof` would say no. The name is the same in both.
 */
function isGraphQLError(error: unknown): boolean {
  return error instanceof Error && error.name === 'GraphQLError';
}
