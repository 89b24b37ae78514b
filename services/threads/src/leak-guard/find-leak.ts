import type { LeakReason } from '@kern/contracts';
import { COMMON_WORDS } from './common-words';
import { comparableText, wordsOf } from './comparable-text';
import { identifiersIn } from './identifiers';
import { visibleText, visibleTextOfHtml } from './visible-text';

/** How many words in a row, repeated from internal text, make a passage. */
export const PASSAGE_WORDS = 8;
/** A passage needs this many words outside COMMON_WORDS, so stock phrases never count. */
export const UNCOMMON_WORDS_PER_PASSAGE = 3;
/** An internal text this short (in words) counts as a passage when all of it is repeated. */
const SHORTEST_WHOLE_PASSAGE = 5;
/** Words of a public text count as already read when they stand in a run this long that a public post has too. */
const KNOWN_RUN_WORDS = 4;
// Identifiers are found in the public text as consecutive words that spell them, so a changed or
// missing separator (`INT RMA 7781`, `INTRMA7781`) hides nothing; bounded, so linear.
const MAX_IDENTIFIER_WORDS = 8;
const MAX_IDENTIFIER_LENGTH = 64;

/**
 * A text to compare with: a markdown body, a stored post's rendered HTML (`body_html`, which spares
 * rendering it again), or plain text such as a title.
 */
export type LeakSource = string | { html: string } | { text: string };

export interface LeakSources {
  /** What customers may not read: internal notes, posts and titles of linked internal threads. */
  internal: readonly LeakSource[];
  /**
   * What customers of this thread already read, such as its public posts. Whatever is in them is
   * no leak when repeated (an internal note quoting the customer's order number), so passing them
   * keeps confirmations for what is really new to customers.
   */
  alreadyPublic?: readonly LeakSource[];
}

export interface Leak {
  reason: Extract<LeakReason, 'REPEATS_INTERNAL'>;
  /** PASSAGE: words in a row from internal text; IDENTIFIER: a ticket, order or case number, e-mail address or phone number. */
  match: 'PASSAGE' | 'IDENTIFIER';
  /** What was repeated, in comparable form (lower case, look-alikes folded), for the employee to find it. */
  repeated: string;
}

/**
 * Whether `publicBody` (markdown) repeats internal text where customers will read it: a passage of
 * PASSAGE_WORDS words in a row (or a whole short note), or an identifier that internal text
 * mentions. Both sides are compared as shown and read (`visibleText`, then `comparableText`), so
 * entities, zero-width characters, soft hyphens, markup inside words, look-alike letters and
 * full-width forms change nothing. Linear in the length of all texts together.
 */
export function findLeak(publicBody: string, sources: LeakSources): Leak | null {
  const { words } = readText(publicBody);
  const present = new Set(words);
  const runs = new RunsOf(words);
  const looked = new Set<string>();
  const repeated: Run[] = [];
  const internalIds = new Map<string, string>();
  for (const body of sources.internal) {
    const internal = readText(body);
    for (const passage of passagesOf(internal.words, present)) {
      const starts = runs.startsOf(passage);
      // Each repeated passage once: texts repeating themselves must not multiply the work.
      if (starts.length === 0 || looked.has(passage.key)) continue;
      looked.add(passage.key);
      for (const start of starts) repeated.push({ start, size: passage.size });
    }
    for (const id of identifiersIn(internal.comparable)) internalIds.set(id.key, id.written);
  }
  const repeatedIds = new Map<string, string>();
  for (const spelled of spellings(words)) {
    const written = internalIds.get(spelled);
    if (written !== undefined) repeatedIds.set(spelled, written);
  }
  if (repeated.length + repeatedIds.size === 0) return null;

  const known = (sources.alreadyPublic ?? []).map((body) => readText(body).words);
  for (const knownWords of known) for (const spelled of spellings(knownWords)) repeatedIds.delete(spelled);
  const isKnown = knownPositions(words, known);
  for (const { start, size } of repeated) {
    const run = words.slice(start, start + size);
    if (meaningful(run.filter((_word, at) => !isKnown[start + at])))
      return { reason: 'REPEATS_INTERNAL', match: 'PASSAGE', repeated: run.join(' ') };
  }
  const [id] = repeatedIds.values();
  return id === undefined ? null : { reason: 'REPEATS_INTERNAL', match: 'IDENTIFIER', repeated: id };
}

/** A text as it reads: its visible text and link targets, comparable, and its words. */
function readText(source: LeakSource): { comparable: string; words: string[] } {
  const { text, linkTargets } =
    typeof source === 'string'
      ? visibleText(source)
      : 'html' in source
        ? visibleTextOfHtml(source.html)
        : { text: source.text, linkTargets: [] };
  const comparable = comparableText([text, ...linkTargets.map(decodeTarget)].join('\n'));
  return { comparable, words: wordsOf(comparable) };
}

/** A link target with its percent-escapes decoded, as far as they decode. */
export function decodeTarget(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

interface Run {
  start: number;
  size: number;
}

/**
 * The passages of an internal text that would count if repeated: every PASSAGE_WORDS words in a row
 * with enough uncommon words, or the whole text when it is shorter but not too short. Only runs of
 * words the public text has (`present`) can be repeated in it: the others are never built, so a
 * long note costs a glance at each word.
 */
function* passagesOf(words: string[], present: ReadonlySet<string>): Generator<{ key: string; size: number }> {
  const whole = words.length >= SHORTEST_WHOLE_PASSAGE && words.length < PASSAGE_WORDS;
  if (whole && words.every((word) => present.has(word)) && meaningful(words))
    yield { key: words.join(' '), size: words.length };
  let inRow = 0;
  for (let end = 0; end < words.length; end += 1) {
    inRow = present.has(words[end]) ? inRow + 1 : 0;
    if (inRow < PASSAGE_WORDS) continue;
    const run = words.slice(end + 1 - PASSAGE_WORDS, end + 1);
    if (meaningful(run)) yield { key: run.join(' '), size: PASSAGE_WORDS };
  }
}

const meaningful = (run: string[]) =>
  run.filter((word) => !COMMON_WORDS.has(word)).length >= UNCOMMON_WORDS_PER_PASSAGE;

/** Where each run of words starts in a text, indexed per run length when first asked for. */
class RunsOf {
  private readonly bySize = new Map<number, Map<string, number[]>>();

  constructor(private readonly words: string[]) {}

  startsOf(passage: { key: string; size: number }): number[] {
    let starts = this.bySize.get(passage.size);
    if (!starts) {
      starts = new Map();
      for (let start = 0; start + passage.size <= this.words.length; start += 1) {
        const key = this.words.slice(start, start + passage.size).join(' ');
        const known = starts.get(key);
        if (known) known.push(start);
        else starts.set(key, [start]);
      }
      this.bySize.set(passage.size, starts);
    }
    return starts.get(passage.key) ?? [];
  }
}

/**
 * Which words of the public text customers already read in `known` texts: those inside a run of
 * KNOWN_RUN_WORDS words that a known text has too (a quote of the customer's own post).
 */
function knownPositions(words: string[], known: string[][]): boolean[] {
  const isKnown = new Array<boolean>(words.length).fill(false);
  const knownRuns = new Set<string>();
  for (const knownWords of known) {
    for (let start = 0; start + KNOWN_RUN_WORDS <= knownWords.length; start += 1)
      knownRuns.add(knownWords.slice(start, start + KNOWN_RUN_WORDS).join(' '));
  }
  for (let start = 0; start + KNOWN_RUN_WORDS <= words.length; start += 1) {
    if (knownRuns.has(words.slice(start, start + KNOWN_RUN_WORDS).join(' ')))
      isKnown.fill(true, start, start + KNOWN_RUN_WORDS);
  }
  return isKnown;
}

/** Every word and every run of up to MAX_IDENTIFIER_WORDS words written together: how an identifier may appear. */
function* spellings(words: string[]): Generator<string> {
  for (let start = 0; start < words.length; start += 1) {
    let spelled = '';
    for (let end = start; end < words.length && end < start + MAX_IDENTIFIER_WORDS; end += 1) {
      spelled += words[end];
      if (spelled.length > MAX_IDENTIFIER_LENGTH) break;
      yield spelled;
    }
  }
}
