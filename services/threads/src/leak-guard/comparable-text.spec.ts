import { comparableText, wordsOf } from './comparable-text';
import { visibleText } from './visible-text';

const words = (text: string) => wordsOf(comparableText(text)).join(' ');

describe('comparableText', () => {
  it.each([
    ['zero-width spaces, joiners and bidi marks', 'le\u200bg\u200dacy\u200e pl\u2060an\ufeff'],
    ['soft hyphens', 'leg\u00adacy pl\u00adan'],
    ['Cyrillic look-alikes', 'lеgасу рlаn'],
    ['Greek look-alikes', 'lεgαcy plαn'],
    ['full-width letters', 'ｌｅｇａｃｙ　ｐｌａｎ'],
    ['mathematical letters', '𝐥𝐞𝐠𝐚𝐜𝐲 𝐩𝐥𝐚𝐧'],
    ['capitals and accents', 'LÉGÀCY PLÄN'],
    ['stray markup and typed tags', 'le__ga__cy p<b>lan</b>'],
  ])('reads %s as the plain words', (_what, text) => {
    expect(words(text)).toBe('legacy plan');
  });

  it('folds look-alikes of capital I and of small letters that Unicode maps to small capitals', () => {
    expect(words('ІNT Ιnt кмнтв КМНТВ')).toBe('int int kmhtb kmhtb');
  });

  it('keeps ASCII letters and digits apart that look alike', () => {
    expect(words('Il1 O0 rn m')).toBe('il1 o0 rn m');
  });

  it('keeps letters of other scripts that look like no Latin letter, and folds the others alike everywhere', () => {
    expect(words('пиц 数据')).toBe('пиц 数据');
    expect(words('привет')).toBe(words('пpиbet'));
  });
});

describe('visibleText', () => {
  it('reads rendered markdown back as shown: entities decoded, markup inside words joined, blocks apart', () => {
    const { text, linkTargets } = visibleText(
      't&#104;is th**is** `code` [docs](https://a.example/x&amp;y)\n\n- one\n- two',
    );
    expect(wordsOf(comparableText(text))).toEqual(['this', 'this', 'code', 'docs', 'one', 'two']);
    expect(linkTargets).toEqual(['https://a.example/x&y']);
  });

  it('keeps table cells and lines apart', () => {
    expect(wordsOf(visibleText('| a | b |\n|---|---|\n| c | d |\n\nline\nnext').text)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'line',
      'next',
    ]);
  });
});
