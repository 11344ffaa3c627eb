// @vitest-environment jsdom
// DOMPurify needs a DOM: jsdom stands in for the browser the pages render in.
import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it.each([
    ['inline code from the bank', 'Return `nums[i] + nums[j]`.', '<p>Return <code>nums[i] + nums[j]</code>.</p>'],
    [
      'bold and a list',
      '**Given** an array:\n\n- one\n- two',
      '<p><strong>Given</strong> an array:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>'
    ],
    ['a fenced block', '```\nx = 1\n```', '<pre><code>x = 1\n</code></pre>'],
    ['a single line break', 'first\nsecond', '<p>first<br>second</p>']
  ])('%s', (_name, text, html) => {
    expect(renderMarkdown(text).trim()).toBe(html);
  });

  it.each([
    ['a script tag', 'Hi <script>alert(1)</script>', 'script'],
    ['an event handler', '<img src=x onerror="alert(1)">', 'onerror'],
    ['a javascript: link', '[click](javascript:alert(1))', 'javascript:'],
    ['a style attribute', '<p style="position:fixed">x</p>', 'style'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', 'iframe']
  ])('drops %s', (_name, text, banned) => {
    expect(renderMarkdown(text)).not.toContain(banned);
  });

  it('keeps an ordinary link', () => {
    expect(renderMarkdown('[docs](https://example.com/a)')).toContain('<a href="https://example.com/a">docs</a>');
  });
});

describe('renderInline', () => {
  it('renders one line without a paragraph', () => {
    expect(renderInline('`0 <= n <= 10^4` and **sorted**')).toBe(
      '<code>0 &lt;= n &lt;= 10^4</code> and <strong>sorted</strong>'
    );
  });
  it('drops markup that could run script', () => {
    expect(renderInline('a <img src=x onerror=alert(1)> b')).not.toContain('onerror');
  });
});
