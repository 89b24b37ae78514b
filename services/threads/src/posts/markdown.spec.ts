import { craftedTexts } from '@kern/testing';
import { renderMarkdown } from './markdown';

const REL = 'rel="nofollow ugc noopener"';
const hrefsOf = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href);

describe('renderMarkdown', () => {
  it('renders an empty body as an empty string', () => {
    expect(renderMarkdown('')).toBe('');
  });

  it('renders bold, emphasis, links, inline code and line breaks', () => {
    expect(renderMarkdown('**bold** _em_ `a < b` [docs](https://kern.example/docs)\nnext')).toBe(
      `<p><strong>bold</strong> <em>em</em> <code>a &lt; b</code> <a href="https://kern.example/docs" ${REL}>docs</a><br />\nnext</p>`,
    );
  });

  it('renders bullet and numbered lists, keeping where numbering starts', () => {
    expect(renderMarkdown('- a\n- b\n\n3. c')).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol start="3">\n<li>c</li>\n</ol>',
    );
  });

  it('renders fenced code escaped, with its language class for highlighting', () => {
    expect(renderMarkdown('```ts\nif (a < b) {}\n```')).toBe(
      '<pre><code class="language-ts">if (a &lt; b) {}\n</code></pre>',
    );
  });

  it('renders tables and quotes', () => {
    const html = renderMarkdown('> said\n\n| a | b |\n|---|--:|\n| 1 | 2 |');
    expect(html).toContain('<blockquote>\n<p>said</p>\n</blockquote>');
    expect(html).toContain('<th>a</th>');
    expect(html).toContain('<td>2</td>');
    expect(html).not.toContain('style=');
  });

  it('demotes headings below the h1 and h2 the page owns', () => {
    expect(renderMarkdown('# one\n## two\n##### five')).toBe('<h3>one</h3>\n<h4>two</h4>\n<h6>five</h6>');
  });

  it('leaves @handle mentions as text', () => {
    expect(renderMarkdown('thanks @alice and @bob.io')).toBe('<p>thanks @alice and @bob.io</p>');
  });

  describe('when a user types raw HTML, then it is shown as text', () => {
    it('escapes a script tag', () => {
      const html = renderMarkdown('<script>alert(1)</script>');
      expect(html).not.toContain('<script');
      expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    });

    it('escapes an img with an event handler', () => {
      const html = renderMarkdown('<img src=x onerror=alert(1)>');
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<[^>]*\sonerror=/i);
      expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    });
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '<javascript:alert(1)>',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  ])('when a link is %s, then it gets no href', (body) => {
    expect(hrefsOf(renderMarkdown(body))).toEqual([]);
  });

  it('marks an external link nofollow ugc noopener, without target or title', () => {
    expect(renderMarkdown('[site](https://evil.example/page "title")')).toBe(
      `<p><a href="https://evil.example/page" ${REL}>site</a></p>`,
    );
  });

  it('marks a linkified bare URL the same way', () => {
    expect(renderMarkdown('see https://example.com/x?y=1 now')).toBe(
      `<p>see <a href="https://example.com/x?y=1" ${REL}>https://example.com/x?y=1</a> now</p>`,
    );
  });

  it('leaves links within the forum followable, but not protocol-relative ones', () => {
    expect(renderMarkdown('[thread](/threads/1) [other](//evil.example)')).toBe(
      `<p><a href="/threads/1">thread</a> <a href="//evil.example" ${REL}>other</a></p>`,
    );
  });

  it('turns an image into a link to it, so no remote image loads for readers', () => {
    const html = renderMarkdown('![diagram](https://img.example/d.png) ![](https://t.example/pixel.gif)');
    expect(html).not.toMatch(/<img/i);
    expect(html).toBe(
      `<p><a href="https://img.example/d.png" ${REL}>diagram</a> ` +
        `<a href="https://t.example/pixel.gif" ${REL}>https://t.example/pixel.gif</a></p>`,
    );
  });

  it('renders a 50,000-character body', () => {
    const body = '**bold** and [a link](https://kern.example) with `code`\n'.repeat(1_000).slice(0, 50_000);
    const html = renderMarkdown(body);
    expect(body).toHaveLength(50_000);
    expect(html.match(/<strong>/g)).toHaveLength(body.match(/\*\*bold\*\*/g)!.length);
  });

  it('renders a table that follows a paragraph line', () => {
    expect(renderMarkdown('text\n| a | b |\n|---|---|\n| 1 | 2 |')).toContain('<p>text</p>\n<table>');
  });

  describe('when a body is crafted to multiply in HTML, then the HTML stays proportional to it', () => {
    it('ends tables after 10,000 cells and shows the rest as text', () => {
      // 100 header columns make 100 cells of every `|` line below them.
      const body = `|${'a|'.repeat(100)}\n|${'-|'.repeat(100)}\n${'|\n'.repeat(500)}|last|`;
      const html = renderMarkdown(body);
      expect(html.match(/<t[dh]>/g)!.length).toBeLessThanOrEqual(10_000);
      expect(html).toContain('<th>a</th>');
      expect(html).toContain('|last|');
    });

    it('writes link targets out only up to twice the length of the body, then shows links as their text', () => {
      const target = `https://a.example/${'a'.repeat(20_000)}`;
      const body = `${'[a] '.repeat(5_000)}\n\n[a]: ${target}`;
      const html = renderMarkdown(body);
      expect(html.split(target).length - 1).toBeLessThanOrEqual((2 * body.length + 10_000) / target.length);
      expect(html).toContain(`<a href="${target}" ${REL}>a</a> a a`);
    });

    it.each(craftedTexts())('renders %s into at most 8 times its length', (_name, body) => {
      expect(renderMarkdown(body).length).toBeLessThanOrEqual(8 * body.length);
    });
  });

  it('renders unclosed brackets as text', () => {
    expect(renderMarkdown('['.repeat(50_000))).toBe(`<p>${'['.repeat(50_000)}</p>`);
  });

  it('caps the nesting of deeply nested quotes', () => {
    const html = renderMarkdown('>'.repeat(50_000));
    expect(html.match(/<blockquote>/g)!.length).toBeLessThanOrEqual(100);
  });

  it('replaces NUL characters instead of passing them on', () => {
    expect(renderMarkdown('a\u0000b')).toBe('<p>a\uFFFDb</p>');
  });
});
