/**
 * How a snippet travels from ts_headline to the client. ts_headline works on plain text and returns
 * plain text, and it drops whatever its parser takes for an HTML tag, so the database hands it the
 * text with control characters in place of `<` and `>`, and marks the matches with two others. Here
 * the text is escaped as a whole and only then do the marks become <mark> elements: nothing a user
 * wrote can become markup.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';
const LESS_THAN = '\u0004';
const GREATER_THAN = '\u0005';

/** SQL for `text` ready for ts_headline: the marker characters removed, `<` and `>` stood in for. */
export const headlineText = (text: string) =>
  `translate(translate(${text}, chr(2) || chr(3) || chr(4) || chr(5), ''), '<>', chr(4) || chr(5))`;

/** ts_headline options that mark matches with the characters above. */
export const HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxFragments=2, MaxWords=20, MinWords=5`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe HTML from a headline: the text escaped, the matches in <mark>, whitespace (markdown's newlines) as single spaces. */
export function toSnippetHtml(headline: string): string {
  return headline
    .replaceAll(LESS_THAN, '<')
    .replaceAll(GREATER_THAN, '>')
    .replace(/[&<>"']/g, (character) => ESCAPES[character])
    .replace(/\s+/g, ' ')
    .trim()
    .replaceAll(MATCH_START, '<mark>')
    .replaceAll(MATCH_END, '</mark>');
}
