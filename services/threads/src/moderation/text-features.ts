/** Pure measurements of a post's text that the new-account limits and the spam rules read. */

// Every pattern here runs on up to 50,000 characters (the body limit) that a spammer chose, so each must
// take linear time: runs are bounded ({1,64}), stop at a delimiter the next part needs (`[^\s<>()[\]]+`
// then nothing), or are split by one (`(?:\.[a-z0-9-]+)+`). Nothing unbounded may stand next to
// something that can match the same characters, as `\s*<?[^\s...]*>?\s*` did in the old markdown link
// pattern: one `[](` and 50,000 spaces took seconds. `text-linear-time.spec.ts` feeds every function
// here such bodies.
const URL = /\bhttps?:\/\/[^\s<>()[\]]+/gi;
const BARE_WWW = /(?<![\w.@/-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
// The same rule as posts/markdown.ts: `/path` and `#anchor` stay on the forum, so they are no
// way to send readers elsewhere and do not count against a new account's links.
const INTERNAL_TARGET = /^(\/(?![/\\])|#)/;

/** Links a reader could follow: markdown links and images (images render as links), URLs, `www.` domains. */
export function countLinks(markdownBody: string): number {
  let external = 0;
  // Markdown links go first and leave blanks behind, so `[https://a.example](https://a.example)` counts once.
  const rest = withoutMarkdownLinks(markdownBody, (target) => {
    if (!INTERNAL_TARGET.test(target)) external += 1;
  });
  const withoutUrls = rest.replace(URL, () => {
    external += 1;
    return ' ';
  });
  return external + (withoutUrls.match(BARE_WWW)?.length ?? 0);
}

/**
 * `text` with every markdown link and image (`[label](target "title")`, `![alt](<target>)`) replaced by
 * a blank, calling `found` with each target. A scanner rather than a pattern: each step takes what it
 * can and never gives it back, and a failed link leaves the search at the next `[`, so every character
 * is looked at a bounded number of times.
 */
function withoutMarkdownLinks(text: string, found: (target: string) => void): string {
  let rest = '';
  let copied = 0;
  for (let open = text.indexOf('['); open !== -1;) {
    const link = markdownLinkAt(text, open);
    if (!link) {
      open = text.indexOf('[', open + 1);
      continue;
    }
    found(link.target);
    const start = open > 0 && text[open - 1] === '!' ? open - 1 : open;
    rest += `${text.slice(copied, start)} `;
    copied = link.end;
    open = text.indexOf('[', link.end);
  }
  return rest + text.slice(copied);
}

const SPACE = /\s/;
const NOT_IN_TARGET = /[\s()<>[\]]/;

/** The link whose label opens at `open`: label without brackets, `(`, target, optional title, `)`. */
function markdownLinkAt(text: string, open: number): { target: string; end: number } | null {
  let at = open + 1;
  while (at < text.length && text[at] !== '[' && text[at] !== ']') at += 1;
  if (text[at] !== ']' || text[at + 1] !== '(') return null;
  at = skipSpaces(text, at + 2);
  if (text[at] === '<') at += 1;
  const targetStart = at;
  while (at < text.length && !NOT_IN_TARGET.test(text[at])) at += 1;
  const target = text.slice(targetStart, at);
  if (text[at] === '>') at += 1;
  at = skipSpaces(text, at);
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    const close = endOfTitle(text, at + 1, quote);
    if (close === -1) return null;
    at = skipSpaces(text, close + 1);
  }
  return text[at] === ')' ? { target, end: at + 1 } : null;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && SPACE.test(text[at])) at += 1;
  return at;
}

/** Where a title in `quote`s that started before `from` closes on the same line, or -1. */
function endOfTitle(text: string, from: number, quote: string): number {
  for (let at = from; at < text.length; at += 1) {
    if (text[at] === quote) return at;
    if (text[at] === '\n') return -1;
  }
  return -1;
}

// Not inside a word, an e-mail address (`some-address@gmail.com`) or a URL path (`medium.com/@someone`).
// The closing look-ahead keeps a handle whole, so an over-long name is no mention rather than a cut-off one.
const MENTION = /(?<![\w.+@/:-])@([A-Za-z0-9_][A-Za-z0-9_.-]{1,28}[A-Za-z0-9_])(?![A-Za-z0-9_]|[.-][A-Za-z0-9_])/g;
const CODE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`/g;

/**
 * The handles mentioned, without `@`, each once (compared case-insensitively, first spelling kept).
 * Code is skipped: `@Injectable()` in a pasted snippet notifies nobody.
 */
export function mentionedHandles(body: string): string[] {
  const firstSpelling = new Map<string, string>();
  for (const [, handle] of body.replace(CODE, ' ').matchAll(MENTION)) {
    const key = handle.toLowerCase();
    if (!firstSpelling.has(key)) firstSpelling.set(key, handle);
  }
  return [...firstSpelling.values()];
}

/** Distinct people mentioned: naming someone twice notifies them once, so it counts once. */
export function countMentions(body: string): number {
  return mentionedHandles(body).length;
}

// Also the usual disguise `name [at] example [dot] com`; no spaces around a bare `@`, or "thanks @bob.smith" would match.
const EMAIL = /[\w.%+-]{1,64}(?:@|\s?[[(]at[\])]\s?)(?:[\w-]{1,63}(?:\.|\s?[[(]dot[\])]\s?))+[a-z]{2,}\b/i;

export function hasEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

// 8 to 15 digits (the longest international number), single spaces or dashes between them, an optional
// leading `+` or `(` and a `)` after the area code. The look-arounds refuse a piece of a longer number,
// a version or an IP address, and a date followed by a time ("2024-01-15 10:30").
const PHONE = /(?<![\w+.:/-]|\d[ -])[+(]?\d(?:\)?[ -]?\d){7,14}(?![ -]?\d|[:.,/]\d)/g;
const DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4})$/;

export function hasPhoneNumber(text: string): boolean {
  return phoneNumbersIn(text).length > 0;
}

/** The phone numbers in `text`, as written. */
export function phoneNumbersIn(text: string): string[] {
  return [...text.matchAll(PHONE)].map(([candidate]) => candidate).filter((candidate) => !DATE.test(candidate));
}

// A money word alone is a customer talking about their own loan or a report's cash column; an offer
// needs a pitch as well: a rate, a sales word, a request to get in touch, or "fast cash"-style praise.
const MONEY =
  /\b(?:loans?|lening(?:en)?|cash|bitcoin|crypto\w*)\b|[$€£]\s?\d|\d\s?[$€£]|\b\d+(?:[.,]\d+){0,3}\s?(?:euros?|dollars?|usd|eur)\b/i;
const PITCH = new RegExp(
  [
    String.raw`(?:\d\s?%|\blow|\blage)\s*(?:interest|rente)\b|\b(?:interest|rente)\s+(?:rate\s+)?(?:of\s+|van\s+)?\d+(?:[.,]\d+)?\s?%`,
    String.raw`\b(?:offer\w*|guaranteed|earn\w*|invest\w*)\b`,
    String.raw`\b(?:aanbod|aanbieding\w*|gegarandeerd\w*|verdien\w*|investe\w*|beleg\w*)\b`,
    String.raw`\bcontact me\b|\bneem\s+(?:\w+\s+)?contact\s+op\b|\bcontact\s+opnemen\b|\bwhats\s?app\b|\btelegram\b`,
  ].join('|'),
  'i',
);
// Only right before the money word: "quick question about my loan" is no pitch.
const PRAISED_MONEY =
  /\b(?:fast|quick|easy|instant|cheap|snelle?|goedkope?|makkelijke?)\s+(?:loans?|cash|money|lening(?:en)?|geld)\b/i;

/** English and Dutch money offers: a money word (loan, lening, cash, crypto, an amount) with a pitch. */
export function hasMoneyOffer(text: string): boolean {
  return PRAISED_MONEY.test(text) || (MONEY.test(text) && PITCH.test(text));
}

// Pairs rather than longer shingles: one word changed in a 20-word message still scores above 0.8,
// and spam is re-posted with exactly such small changes.
const SHINGLE_SIZE = 2;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length <= SHINGLE_SIZE) return new Set(words.length > 0 ? [words.join(' ')] : []);
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i += 1) result.add(words.slice(i, i + SHINGLE_SIZE).join(' '));
  return result;
}

/**
 * Jaccard similarity of the two texts' word pairs, from 0 (nothing shared) to 1 (the same words in
 * the same order; case and punctuation ignored). Texts without words share nothing: 0.
 */
export function similarity(a: string, b: string): number {
  const left = shingles(a);
  const right = shingles(b);
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared += 1;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}
