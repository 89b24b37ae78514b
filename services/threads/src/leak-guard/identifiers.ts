import { phoneNumbersIn } from '../moderation/text-features';

/** An identifier found in comparable text: as written there, and as its letters and digits alone. */
export interface Identifier {
  written: string;
  /** What it is compared by, so `INT-RMA-7781`, `int rma 7781` and `INT_RMA_7781` are one. */
  key: string;
}

// Letters and digits joined by single `-`, `.` or `@`: `int-rma-7781`, `ord-2024-00042`,
// `a.jansen@example.nl`. Unambiguous (a separator ends each part), so linear.
const TOKEN = /[\p{L}\p{N}]+(?:[-.@][\p{L}\p{N}]+)*/gu;
const SEPARATOR = /[-.@]/;
const LETTERS = /^\p{L}+$/u;
const DIGITS = /^\d+$/;
const DIGIT_RUN = /\d+/g;
const LETTER = /\p{L}/gu;

/**
 * The things in a text that name one case, order, person or system rather than say something:
 * ticket and order numbers, codes such as `INT-RMA-7781` or `RMA7781`, e-mail addresses and phone
 * numbers. Ordinary words, versions (`7.5.1`), dates, amounts, years and product names such as
 * `office365`, `x86-64` or `1080p` are not. Expects `comparableText`.
 */
export function identifiersIn(comparable: string): Identifier[] {
  const found: Identifier[] = [];
  for (const [token] of comparable.matchAll(TOKEN)) {
    if (namesOneThing(token)) found.push({ written: token, key: keyOf(token) });
  }
  for (const phone of phoneNumbersIn(comparable)) found.push({ written: phone.trim(), key: phone.replace(/\D/g, '') });
  return found;
}

/** Letters and digits only: what an identifier is compared by. */
export const keyOf = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

// Every kind below needs an ASCII digit or an `@`: most words have neither and are passed over at once.
const MAY_NAME_ONE_THING = /[0-9@]/;

function namesOneThing(token: string): boolean {
  if (!MAY_NAME_ONE_THING.test(token)) return false;
  const parts = token.split(SEPARATOR);
  const digitRuns = token.match(DIGIT_RUN) ?? [];
  const letters = token.match(LETTER)?.length ?? 0;
  // Digits joined by dots are versions, amounts and addresses (7.57, 1.250, 10.0.0.1).
  if (parts.length > 1 && !token.includes('@') && !token.includes('-') && parts.every((part) => DIGITS.test(part)))
    return false;
  const at = token.indexOf('@');
  if (at > 0 && token.indexOf('.', at) > at) return true;
  // Five digits or more: ticket, order and customer numbers; not a round 10000 or 50000.
  if (digitRuns.some((run) => run.length >= 5 && !run.endsWith('000'))) return true;
  // A code: a word and a number of three digits or more as separate parts (`sr-123`, `int-rma-7781`).
  if (
    parts.some((part) => part.length >= 2 && LETTERS.test(part)) &&
    parts.some((part) => part.length >= 3 && DIGITS.test(part))
  )
    return true;
  // Or run together (`rma7781`), with four digits: fewer are product names (`office365`, `h264`).
  if (parts.length === 1 && letters >= 2 && token.length >= 6 && digitRuns.some((run) => run.length >= 4)) return true;
  // Long opaque codes: hashes, UUIDs, account numbers.
  return keyOf(token).length >= 16 && digitRuns.join('').length >= 4;
}
