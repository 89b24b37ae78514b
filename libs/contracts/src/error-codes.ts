/**
 * The error codes a service may answer with. They travel over NATS as `{ code, message }` and reach
 * GraphQL clients unchanged as `extensions.code`, so they are part of the public API contract.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  CONFIRMATION_REQUIRED: 'CONFIRMATION_REQUIRED',
  /** A bug or an unexpected failure; its details stay in the service's log. */
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const known = new Set<string>(Object.values(ErrorCode));
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && known.has(value);
}

/** What a failed request answers over NATS. */
export interface RemoteError {
  code: ErrorCode;
  message: string;
  /** Machine-readable details, e.g. which field was invalid. Never a stack trace. */
  details?: Record<string, unknown>;
}
