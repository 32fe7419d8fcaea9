import { describe, expect, it } from 'vitest';
import { escapeHtml, html, markupOf } from './html';

describe('html', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<b onclick="x">Tom & Jerry's</b>`;
    expect(markupOf(html`<p class="${name}">${name}</p>`)).toBe(
      '<p class="&lt;b onclick=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;">&lt;b onclick=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;</p>',
    );
  });

  it('nests markup made by html without escaping it twice, and joins lists', () => {
    const items = ['a<', 'b&'].map((t) => html`<li>${t}</li>`);
    expect(markupOf(html`<ul>${items}</ul>`)).toBe('<ul><li>a&lt;</li><li>b&amp;</li></ul>');
  });

  it('null, undefined and false add nothing; numbers are text', () => {
    expect(markupOf(html`[${null}${undefined}${false}${0}${12.5}]`)).toBe('[012.5]');
  });

  it('an object that merely looks like markup is not trusted', () => {
    const forged = { markup: '<script>' } as unknown as string;
    expect(markupOf(html`${forged}`)).toBe('[object Object]');
  });

  it('escapeHtml also makes hidden characters visible', () => {
    expect(escapeHtml('a\u202Eb<')).toBe('a[U+202E]b&lt;');
  });
});
