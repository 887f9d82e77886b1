import { describe, expect, it } from 'vitest';
import { uiLanguage, withUiLanguage } from './ui-language';

describe('serve --lang', () => {
  it('accepts en and zh-CN in any letter case, and nothing else', () => {
    expect(uiLanguage('zh-CN')).toBe('zh-CN');
    expect(uiLanguage('zh-cn')).toBe('zh-CN');
    expect(uiLanguage('EN')).toBe('en');
    for (const bad of ['fr', 'zh', 'zh-TW', '', 'zh-CN"><script>']) expect(uiLanguage(bad)).toBeNull();
  });

  it('puts the meta first in <head> and sets <html lang>, leaving the CSP meta as it was', () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />`;
    const page = Buffer.from(`<!doctype html>\n<html lang="en">\n  <head>\n    ${csp}\n  </head><body></body></html>`);
    const out = withUiLanguage(page, 'zh-CN').toString();
    expect(out).toContain('<html lang="zh-CN">');
    expect(out).toMatch(/<head>\n {4}<meta name="framescope-lang" content="zh-CN" \/>/);
    expect(out).toContain(csp);
    expect(out.match(/framescope-lang/g)).toHaveLength(1);
  });
});
