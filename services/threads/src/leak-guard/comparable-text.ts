import unhomoglyph from 'unhomoglyph';

// Marks (accents, after NFKD split them off) and format characters (\p{Cf}: zero-width space and
// joiners, soft hyphen, bidi controls) change nothing a reader notices, so they go; an accent
// dropped on both sides compares "één" with "een".
const MARKS_AND_FORMAT = /[\p{M}\p{Cf}]/gu;
const MARKS = /\p{M}/gu;
// Raw HTML is shown as typed (`th<b>is</b>`), and emphasis or code markers that did not pair up
// stay in the text (`th__is__`): a reader skips both, so they go too. Bounded, so linear.
const TAG_LIKE = /<\/?[a-z][a-z0-9-]{0,30}(?:\s[^<>]{0,200})?>/gi;
const STRAY_MARKUP = /[*_~`]/g;
const LATIN_LETTER_OR_DIGIT = /^[A-Za-z0-9]$/;
const ASCII_CAPITAL = /[A-Z]+/g;
// One code point at a time (the `u` flag keeps surrogate pairs together).
const NOT_ASCII = /\P{ASCII}/gu;

const lookAlikes = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

/**
 * Text as a person would compare it: NFKD (full-width and other compatibility forms become plain
 * letters, ligatures split), accents, format characters, stray markup and typed tags removed, Latin
 * look-alikes from other scripts (Cyrillic `а`, Greek `ο`) folded into the Latin letter, lower case.
 * Only the words matter afterwards; spacing and punctuation are kept as they were.
 */
export function comparableText(text: string): string {
  const plain = text.normalize('NFKD').replace(MARKS_AND_FORMAT, '').replace(TAG_LIKE, '').replace(STRAY_MARKUP, '');
  return plain.replace(ASCII_CAPITAL, (char) => char.toLowerCase()).replace(NOT_ASCII, lookAlike);
}

/** The words of comparable text: letters and digits in a row. */
export function wordsOf(comparable: string): string[] {
  return comparable.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function lookAlike(char: string): string {
  let folded = lookAlikes.get(char);
  if (folded === undefined) {
    folded = latinLookAlike(char) ?? char.toLowerCase();
    if (lookAlikes.size < MAX_REMEMBERED) lookAlikes.set(char, folded);
  }
  return folded;
}

/**
 * The Latin letter or digit `char` looks like, from Unicode's confusables (UTS #39, through
 * unhomoglyph), or null. Not the UTS #39 skeleton of the whole text: the skeleton also folds plain
 * ASCII (`I` and `1` into `l`, `0` into `O`, `m` into `rn`), which would merge digits into letters and
 * break identifiers, and it maps several lower-case Cyrillic letters (к, м, н, т, в) to small
 * capitals rather than to k, m, h, t, b. So ASCII stays as typed, and for anything else the letter as
 * written is tried first, then its upper and lower case, keeping the first single Latin letter or digit.
 */
function latinLookAlike(char: string): string | null {
  for (const form of [char, char.toUpperCase(), char.toLowerCase()]) {
    const skeleton = unhomoglyph(form).normalize('NFKD').replace(MARKS, '');
    if (!LATIN_LETTER_OR_DIGIT.test(skeleton)) continue;
    // The skeleton writes capital I as `l`: an upper-case look-alike of it (Cyrillic І, Greek Ι) is an i.
    return skeleton === 'l' && form !== form.toLowerCase() ? 'i' : skeleton.toLowerCase();
  }
  return null;
}
