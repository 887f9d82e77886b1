import { describe, expect, it } from 'vitest';
import { splitHidden, visibleText } from './split-hidden';

describe('splitHidden', () => {
  it('marks bidi overrides, isolates and marks, so "invoice_\\u202Efdp.exe" cannot read as a .pdf', () => {
    expect(splitHidden('invoice_\u202Efdp.exe')).toEqual([
      { kind: 'text', text: 'invoice_' },
      { kind: 'hidden', name: 'RLO', code: 'U+202E' },
      { kind: 'text', text: 'fdp.exe' },
    ]);
    const names = splitHidden('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C').map((p) => (p.kind === 'hidden' ? p.name : p.text));
    expect(names).toEqual(['LRE', 'RLE', 'PDF', 'LRO', 'LRI', 'RLI', 'FSI', 'PDI', 'LRM', 'RLM', 'ALM']);
  });

  it('marks invisible characters and controls, by code point when they have no short name', () => {
    expect(splitHidden('a\u200Bb\uFEFF\u0085\u{E0041}').filter((p) => p.kind === 'hidden')).toEqual([
      { kind: 'hidden', name: 'ZWSP', code: 'U+200B' },
      { kind: 'hidden', name: 'BOM', code: 'U+FEFF' },
      { kind: 'hidden', name: 'U+0085', code: 'U+0085' },
      { kind: 'hidden', name: 'U+E0041', code: 'U+E0041' },
    ]);
  });

  it('leaves ordinary text, right-to-left scripts and emoji alone', () => {
    for (const text of ['hello', 'שלום עולם', 'مرحبا', '👍🏽 café', '']) expect(splitHidden(text).every((p) => p.kind === 'text')).toBe(true);
  });

  it('keeps line feeds and tabs in multi-line text when asked', () => {
    expect(splitHidden('a\nb\tc', true)).toEqual([{ kind: 'text', text: 'a\nb\tc' }]);
    expect(splitHidden('a\nb').some((p) => p.kind === 'hidden')).toBe(true);
  });

  it('gives a marked string for tooltips', () => {
    expect(visibleText('invoice_\u202Efdp.exe')).toBe('invoice_⟨RLO⟩fdp.exe');
  });
});
