import { visibleLength, visibleText } from './visible-text';

const TITLE = visibleText({ min: 3, max: 200, message: 'must be 3-200 characters' });
const NAME = visibleText({ min: 1, max: 80 });
const NOTE = visibleText({ max: 10 });

const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues[0]?.message;

describe('visibleLength', () => {
  it.each([
    ['plain letters', 'abc', 3],
    ['emoji with skin tones', '👍🏽👍🏿', 2],
    ['a family joined by zero-width joiners', '👨‍👩‍👧‍👦', 1],
    ['a flag', '🇳🇱', 1],
    ['letters with combining accents', 'e\u0301a\u0308', 2],
    ['zero-width and format characters, which nobody sees', 'a\u200b\u00ad\ufeff\u2060b', 2],
    ['spaces, which a person does see', 'a b', 3],
  ])('counts %s', (_what, text, expected) => {
    expect(visibleLength(text)).toBe(expected);
  });

  it('stops counting when told', () => {
    expect(visibleLength('x'.repeat(1000), 5)).toBe(5);
  });
});

describe('visibleText', () => {
  it('takes as many emoji or accented letters as the limit allows', () => {
    expect(TITLE.safeParse('👍🏽'.repeat(200)).success).toBe(true);
    expect(TITLE.safeParse('e\u0301'.repeat(200)).success).toBe(true);
    expect(NAME.safeParse('👨‍👩‍👧‍👦'.repeat(80)).success).toBe(true);
    expect(messageOf(TITLE.safeParse('👍🏽'.repeat(201)))).toBe('must be 3-200 characters');
    expect(messageOf(NAME.safeParse('👨‍👩‍👧‍👦'.repeat(81)))).toBe('must be at most 80 characters');
  });

  it('refuses one letter under 10,000 accents by its UTF-16 cap', () => {
    expect(messageOf(TITLE.safeParse(`a${'\u0301'.repeat(10_000)}`))).toBe('must be at most 3200 UTF-16 code units');
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a soft hyphen and a byte order mark', '\u00ad\ufeff'],
    ['word joiners between spaces', ' \u2060 \u2060 '],
    ['Hangul fillers', '\u3164\u3164\u3164'],
    ['a blank braille cell', '\u2800'],
    ['bidi marks', '\u200e\u200f\u202a\u202c'],
  ])('finds text of only %s empty', (_what, text) => {
    expect(messageOf(NAME.safeParse(text))).toBe('must not be empty');
    expect(messageOf(TITLE.safeParse(text))).toBe('must be 3-200 characters');
  });

  it('does not count invisible characters toward the minimum', () => {
    expect(TITLE.safeParse('ab\u200b\u200b').success).toBe(false);
    expect(TITLE.safeParse('a\u200bbc').success).toBe(true);
  });

  it('trims, and keeps the text otherwise as written', () => {
    expect(NAME.parse('  \u200bAnn  ')).toBe('\u200bAnn');
  });

  it('lets text without a minimum be empty', () => {
    expect(NOTE.parse('   ')).toBe('');
    expect(NOTE.safeParse('0123456789').success).toBe(true);
    expect(messageOf(NOTE.safeParse('0123456789a'))).toBe('must be at most 10 characters');
  });
});
