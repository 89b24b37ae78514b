import { craftedTexts } from '@kern/testing';
import { parseTimeCursor } from './common/time-cursor';
import { comparableText, wordsOf } from './leak-guard/comparable-text';
import { findLeak } from './leak-guard/find-leak';
import { identifiersIn } from './leak-guard/identifiers';
import { referencedIds, referencedSpaceSlugs } from './leak-guard/passages';
import { visibleText } from './leak-guard/visible-text';
import {
  countLinks,
  hasEmailAddress,
  hasMoneyOffer,
  hasPhoneNumber,
  mentionedHandles,
  phoneNumbersIn,
  similarity,
} from './moderation/text-features';
import { renderMarkdown } from './posts/markdown';
import { parseSearchQuery } from './search/search-query';
import { toSnippetHtml } from './search/snippet';

// Every function here runs patterns on text a user chose, once per post or search, on the one event
// loop every other user waits on. A pattern that backtracks turns one crafted 50 KB post into seconds
// of blocked service; a linear one needs milliseconds. The bound is far above the milliseconds so a
// busy machine cannot fail the test, and far below what a quadratic pattern takes on these texts.
const GENEROUS_MS = 4_000;
const NOTE = 'Internal: this customer is on the legacy plan and we lose money on every invoice, case INT-RMA-7781.';

const TEXT_FUNCTIONS: Array<[name: string, run: (text: string) => unknown]> = [
  ['countLinks', countLinks],
  ['mentionedHandles', mentionedHandles],
  ['hasEmailAddress', hasEmailAddress],
  ['hasPhoneNumber', hasPhoneNumber],
  ['phoneNumbersIn', phoneNumbersIn],
  ['hasMoneyOffer', hasMoneyOffer],
  ['similarity', (text) => similarity(text, text)],
  ['renderMarkdown', renderMarkdown],
  ['visibleText', visibleText],
  ['comparableText and wordsOf', (text) => wordsOf(comparableText(text))],
  ['identifiersIn', (text) => identifiersIn(comparableText(text))],
  // The text as the public reply and the internal note, then as what customers read already.
  ['findLeak', (text) => findLeak(text, { internal: [text] })],
  ['findLeak with public posts', (text) => findLeak(`${NOTE}\n${text}`, { internal: [NOTE], alreadyPublic: [text] })],
  ['referencedIds', referencedIds],
  ['referencedSpaceSlugs', referencedSpaceSlugs],
  ['parseSearchQuery', parseSearchQuery],
  ['toSnippetHtml', toSnippetHtml],
  ['parseTimeCursor', (text) => parseTimeCursor(`2026-01-01T00:00:00Z|${text}`)],
];

describe.each(TEXT_FUNCTIONS)('%s on crafted 50 KB texts', (_name, run) => {
  it(`takes under ${GENEROUS_MS} ms on each`, () => {
    const slow: string[] = [];
    for (const [text, body] of craftedTexts()) {
      const started = performance.now();
      try {
        run(body);
      } catch {
        // Refusing the text (a bad cursor) is an answer too; only the time counts here.
      }
      const elapsed = performance.now() - started;
      if (elapsed >= GENEROUS_MS) slow.push(`${text}: ${Math.round(elapsed)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
