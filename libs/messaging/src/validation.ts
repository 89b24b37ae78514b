import { ErrorCode } from '@kern/contracts';
import type { z } from 'zod';
import { DomainError } from './domain-error';

/** Turns a failed schema check into BAD_USER_INPUT naming each bad field, e.g. `handle: must be 3-30 letters`. */
export function invalidInput(error: z.ZodError): DomainError {
  const fields = error.issues.map((issue) => ({
    field: issue.path.filter((part) => part !== 'payload').join('.') || '(payload)',
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${summary}`, { fields });
}
