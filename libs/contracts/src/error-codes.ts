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

/** One input a request got wrong, or must repeat (a confirmation): the field and what to do about it. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * What each code may tell a client besides its message: the one shape of every code's details, read
 * by clients as `extensions` next to the code (a detail never replaces the code). Any error that
 * names inputs names them in `fields`; `reason` is a stable word a client can switch on.
 */
export interface ErrorDetails {
  UNAUTHENTICATED: { reason?: 'TOKEN_OUTDATED' };
  FORBIDDEN: { reason?: string };
  NOT_FOUND: Record<string, never>;
  BAD_USER_INPUT: { fields: FieldError[]; limit?: string; unknown?: string[] };
  CONFLICT: { fields?: FieldError[]; reason?: string; customerMembers?: number };
  RATE_LIMITED: { retryAfterSeconds: number; limit?: string; reason?: string };
  SERVICE_UNAVAILABLE: { reason?: string };
  CONFIRMATION_REQUIRED: { fields: FieldError[]; reason?: string; match?: string };
  INTERNAL_SERVER_ERROR: Record<string, never>;
}
