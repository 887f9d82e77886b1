import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RAW_HIDDEN } from './hidden-oracle';
import { terminalLine, terminalText } from './terminal-text';

describe('terminalText', () => {
  it('escapes escape sequences, C1 controls, bidi overrides and newlines in a peer string', () => {
    expect(terminalText('\x1b]0;pwned\x07')).toBe('\\u001b]0;pwned\\u0007');
    expect(terminalText('a\u009b2Jb')).toBe('a\\u009b2Jb');
    expect(terminalText('invoice_\u202efdp.exe')).toBe('invoice_\\u202efdp.exe');
    expect(terminalText('two\nlines\r\tx\x7f')).toBe('two\\nlines\\r\\tx\\u007f');
    expect(terminalText('tag \u{e0041}')).toBe('tag \\udb40\\udc41');
    expect(terminalText('plain “text” é 日本')).toBe('plain “text” é 日本');
  });

  it('keeps our own line feeds and tabs in a whole line, and nothing else hidden', () => {
    expect(terminalLine('a\n\tb\x1b[2J\u0085\u2066')).toBe('a\n\tb\\u001b[2J\\u0085\\u2066');
  });

  it('leaves a JSON line valid JSON for the very same value (so --json output is escaped too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const line = terminalLine(JSON.stringify({ s }));
        expect(RAW_HIDDEN.test(line)).toBe(false);
        expect((JSON.parse(line) as { s: string }).s).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
