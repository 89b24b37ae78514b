import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// maxNesting: markdown-it's default of 100 let `>>>>...` write 26 times its length in HTML; nobody nests 20 deep.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, maxNesting: 20 });
const { escapeHtml } = markdown.utils;

// No remote images: an <img> loads on every reader's screen, so it can track them (pixels, IP
// addresses). The image becomes a link to it, labelled with its alt text, so nothing is lost.
markdown.renderer.rules.image = (tokens, idx, options, env, renderer) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const label = renderer.renderInlineAsText(token.children ?? [], options, env) || src;
  return `<a href="${escapeHtml(src)}">${escapeHtml(label)}</a>`;
};

// What a post renders into must stay proportional to what was written: bodyHtml is stored and sent
// to every reader, and rendering and sanitising take time in proportion to it. Two constructs
// multiply: a table row gets a cell for every header column whether written or not (`|` on 600 lines
// under a 100-column header makes 60,000 cells), and a reference link writes its target out at every
// use (`[a]` 16,000 times after one `[a]: <20,000 characters>` made 100 MB). Past these budgets
// tables end (the rest shows as text) and links show as their text only; no real post comes near.
const MAX_TABLE_CELLS = 10_000;
const linkTargetBudget = (source: string) => 2 * source.length + 10_000;

const table = markdown.block.ruler.getRules('').find((rule) => rule.name === 'table');
if (!table) throw new Error('markdown-it has no table rule to limit');
markdown.block.ruler.at(
  'table',
  (state, startLine, endLine, silent) => {
    const env = state.env as { tableCells?: number };
    const left = MAX_TABLE_CELLS - (env.tableCells ?? 0);
    if (silent) return left > 0 && table(state, startLine, endLine, true);
    const header = state.src.slice(state.bMarks[startLine], state.eMarks[startLine]);
    const rows = Math.floor(left / header.split('|').length);
    if (rows < 1) return false;
    const before = state.tokens.length;
    // The header row and its delimiter line, then at most `rows - 1` body rows.
    if (!table(state, startLine, Math.min(endLine, startLine + 1 + rows), false)) return false;
    env.tableCells =
      (env.tableCells ?? 0) +
      state.tokens.slice(before).filter((token) => token.type === 'td_open' || token.type === 'th_open').length;
    return true;
  },
  { alt: ['paragraph', 'reference'] },
);

markdown.core.ruler.push('link_target_budget', (state) => {
  let left = linkTargetBudget(state.src);
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const kept: typeof block.children = [];
    let unlinked = false;
    for (const token of block.children) {
      if (token.type === 'link_open') {
        left -= String(token.attrGet('href') ?? '').length;
        unlinked = left < 0;
        if (unlinked) continue;
      } else if (token.type === 'link_close' && unlinked) {
        unlinked = false;
        continue;
      } else if (token.type === 'image') {
        // An image renders as a link labelled with its target when it has no alt text: twice.
        left -= 2 * String(token.attrGet('src') ?? '').length;
        if (left < 0) {
          const text = new state.Token('text', '', 0);
          text.content = token.content;
          kept.push(text);
          continue;
        }
      }
      kept.push(token);
    }
    block.children = kept;
  }
});

const LINK_REL = 'nofollow ugc noopener';

/** `/path` and `#anchor` stay on the forum; `//host` and `/\host` are other sites to a browser. */
function isInternal(href: string | undefined): boolean {
  return href !== undefined && /^(\/(?![/\\])|#)/.test(href);
}

// markdown-it already escapes raw HTML and refuses javascript:/vbscript:/data: links; the
// allow-list is the second wall, so that no markdown rule can ever emit anything else.
const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  // Lets clients highlight fenced code by language.
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  transformTags: {
    // The page owns h1 (the thread title) and h2; a post's headings nest below them.
    h1: 'h3',
    h2: 'h4',
    h3: 'h5',
    h4: 'h6',
    h5: 'h6',
    a: (tagName, attribs) => ({ tagName, attribs: isInternal(attribs.href) ? attribs : { ...attribs, rel: LINK_REL } }),
  },
};

/** A post body in markdown, as HTML that is safe to display (`bodyHtml`). */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(markdown.render(body), allowList).trim();
}
