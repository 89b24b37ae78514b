import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });
const { escapeHtml } = markdown.utils;

// No remote images: an <img> loads on every reader's screen, so it can track them (pixels, IP
// addresses). The image becomes a link to it, labelled with its alt text, so nothing is lost.
markdown.renderer.rules.image = (tokens, idx, options, env, renderer) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const label = renderer.renderInlineAsText(token.children ?? [], options, env) || src;
  return `<a href="${escapeHtml(src)}">${escapeHtml(label)}</a>`;
};

const LINK_REL = 'nofollow ugc noopener';

/** `/path` and `#anchor` stay on the forum; `//host` and `/\host` are other sites to a browser. */
function isInternal(href: string | undefined): boolean {
  return href !== undefined && /^(\/(?![/\\])|#)/.test(href);
}

// markdown-it already escapes raw HTML and refuses javascript:/vbscript:/data: links; the
// allow-list is the second wall, so that no markdown rule can ever emit anything else.
const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h3', 'h4', 'h5', 'h6', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
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
