import { toSnippetHtml } from './snippet';

describe('toSnippetHtml', () => {
  it('escapes the text, then marks the matches', () => {
    expect(toSnippetHtml('paste \u0004script\u0005alert("x")\u0004/script\u0005 & run \u0002frobnicate\u0003')).toBe(
      'paste &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; run <mark>frobnicate</mark>',
    );
  });

  it('leaves no markup that the user wrote, even if it spells <mark>', () => {
    const html = toSnippetHtml("it's <mark>fake</mark> \u0002real\u0003");
    expect(html).toBe('it&#39;s &lt;mark&gt;fake&lt;/mark&gt; <mark>real</mark>');
  });

  it('folds whitespace and line breaks into single spaces', () => {
    expect(toSnippetHtml('  first line\n\n  second\tline ')).toBe('first line second line');
  });
});
