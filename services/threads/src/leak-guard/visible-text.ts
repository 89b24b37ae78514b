import { Parser } from 'htmlparser2';
import { renderMarkdown } from '../posts/markdown';

/** What readers get of a post: the text on their screen, and where its links go. */
export interface VisibleText {
  /** Entities decoded, tags gone; blocks, cells and line breaks apart, inline markup (`th<strong>is</strong>`) joined. */
  text: string;
  /** Link targets as the renderer wrote them (percent-encoded). */
  linkTargets: readonly string[];
}

// Tags that separate what they hold from what is around them; every other tag is inline and may
// sit inside a word.
const SEPARATING = new Set([
  'p',
  'br',
  'li',
  'ul',
  'ol',
  'pre',
  'blockquote',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

/**
 * A markdown body rendered by the same renderer as `bodyHtml` and read back as text, so whatever
 * markdown or entities hid (`t&#104;is`, `th**is**`, `[text](target)`) reads as it is shown.
 */
export function visibleText(markdownBody: string): VisibleText {
  // The guard reads the same public body three times in a row (ids, slugs, passages): render it once.
  if (last?.body !== markdownBody) last = { body: markdownBody, seen: render(markdownBody) };
  return last.seen;
}

let last: { body: string; seen: VisibleText } | undefined;

const render = (markdownBody: string): VisibleText => visibleTextOfHtml(renderMarkdown(markdownBody));

/** Rendered HTML (a stored `body_html`) read back as text, as `visibleText` reads a body it rendered. */
export function visibleTextOfHtml(html: string): VisibleText {
  const parts: string[] = [];
  const linkTargets: string[] = [];
  const parser = new Parser(
    {
      ontext: (text) => parts.push(text),
      onopentag: (name, attributes) => {
        if (SEPARATING.has(name)) parts.push('\n');
        if (name === 'a' && attributes.href) linkTargets.push(attributes.href);
      },
      onclosetag: (name) => {
        if (SEPARATING.has(name)) parts.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { text: parts.join(''), linkTargets };
}
