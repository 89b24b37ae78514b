import { ErrorCode, type ErrorDetails, type FieldError, type RemoteError } from '@kern/contracts';

/**
 * The one error type of Kern's domain code: a code from the contracts, a message a client may read,
 * and the details that code carries (typed per code in the contracts). Use cases throw it through
 * the factories below; the transport filter serialises it; the gateway maps it to a GraphQL error.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: C,
    message: string,
    readonly details?: ErrorDetails[C],
  ) {
    super(message);
  }

  toRemote(): RemoteError {
    return { code: this.code, message: this.message, ...(this.details ? { details: { ...this.details } } : {}) };
  }
}

/** Names one input; the message says what is wrong with it. */
type NamingOneField<D extends { fields?: FieldError[] }> = Omit<D, 'fields'> & {
  field?: string;
  fields?: FieldError[];
};

function fieldsOf(message: string, details: { field?: string; fields?: FieldError[] } | undefined): FieldError[] {
  return [...(details?.fields ?? []), ...(details?.field ? [{ field: details.field, message }] : [])];
}

function withFields<D extends { field?: string; fields?: FieldError[] }>(message: string, details: D | undefined) {
  const { field: _field, fields: _fields, ...rest } = details ?? ({} as D);
  return { ...rest, fields: fieldsOf(message, details) };
}

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);

export const forbidden = (message: string, reason?: string) =>
  new DomainError(ErrorCode.FORBIDDEN, message, reason ? { reason } : undefined);

export const unauthenticated = (message = 'Sign in first', reason?: ErrorDetails['UNAUTHENTICATED']['reason']) =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message, reason ? { reason } : undefined);

export const conflict = (message: string, details?: NamingOneField<ErrorDetails['CONFLICT']>) => {
  const { fields, ...rest } = withFields(message, details);
  return new DomainError(ErrorCode.CONFLICT, message, fields.length > 0 ? { ...rest, fields } : rest);
};

export const badInput = (message: string, details?: NamingOneField<ErrorDetails['BAD_USER_INPUT']>) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, withFields(message, details));

export const rateLimited = (message: string, details: ErrorDetails['RATE_LIMITED']) =>
  new DomainError(ErrorCode.RATE_LIMITED, message, details);

/** The request is fine but has consequences the caller must confirm by repeating it with `field: true`. */
export const confirmationRequired = (
  message: string,
  field: string,
  details: Omit<ErrorDetails['CONFIRMATION_REQUIRED'], 'fields'> = {},
) => new DomainError(ErrorCode.CONFIRMATION_REQUIRED, message, { ...details, fields: [{ field, message }] });

export const serviceUnavailable = (message: string, reason?: string) =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message, reason ? { reason } : undefined);

/** `instanceof DomainError` would narrow to `DomainError<any>`, losing the details' types. */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
