import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../reports/escape-html.js';
import { jsonForScript } from '../../../reports/json-for-script.js';
import { XSS } from './fixtures/report-cases.js';

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves no tag in untrusted text', () => {
    expect(escapeHtml(XSS)).not.toMatch(/[<>"]/);
  });
});

describe('jsonForScript', () => {
  const value = { s: XSS, nested: ['<!--', '-->', '\u2029', 'plain'], n: 12n };

  it('cannot close a script element or start a comment', () => {
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain('</script');
  });

  it('parses back to the same strings (bigints as decimal strings)', () => {
    expect(JSON.parse(jsonForScript(value))).toEqual({ ...value, n: '12' });
  });
});
