import { dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from '@kern/messaging';

/**
 * NIST 800-63B: a minimum length (checked by the contract) and no list of composition rules, but
 * refuse passwords attackers try first. The list is zxcvbn's 49k most common passwords; only those
 * long enough to pass the length check matter, so only those are kept in memory.
 */
const COMMON = new Set(
  dictionary['passwords-common'].filter((password) => password.length >= 10).map((p) => p.toLowerCase()),
);

export function assertAcceptablePassword(password: string): void {
  if (COMMON.has(password.toLowerCase())) {
    throw badInput('Invalid input: password: is one of the most common passwords; choose another', {
      fields: [{ field: 'password', message: 'is one of the most common passwords' }],
    });
  }
}
