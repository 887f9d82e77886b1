// Every violation code the engine can report has a title and an explanation in both languages.
import handshakeChecks from '../../../../shared/protocol/handshake-checks.ts?raw';
import { afterAll, describe, expect, it } from 'vitest';
import { VIOLATION_KINDS, violation } from '../../../../shared/protocol/violations';
import { i18n, initI18n } from '../../i18n';
import { en, zhCN } from '../../i18n/resources';
import { violationText } from './violation-text';

initI18n('en');
afterAll(() => i18n.changeLanguage('en'));

/** The handshake checks have no registry object: their codes are the first argument of each v(...) call. */
const HANDSHAKE_CODES = [...handshakeChecks.matchAll(/\bv\('([a-z0-9-]+)'/g)].map((m) => m[1]!);

type Entry = { title?: string; explanation?: string };

function missing(catalog: Record<string, Entry>, codes: readonly string[]): string[] {
  return codes.filter((c) => !catalog[c]?.title?.trim() || !catalog[c]?.explanation?.trim());
}

describe('violation texts', () => {
  it('finds the handshake codes in the source (the scan itself works)', () => {
    expect(HANDSHAKE_CODES).toContain('handshake-accept-mismatch');
    expect(HANDSHAKE_CODES.length).toBeGreaterThan(20);
  });

  it('has an en and a zh-CN entry for every registry and handshake code', () => {
    const codes = [...Object.keys(VIOLATION_KINDS), ...HANDSHAKE_CODES];
    expect(missing(en.violations as Record<string, Entry>, codes)).toEqual([]);
    expect(missing(zhCN.violations as Record<string, Entry>, codes)).toEqual([]);
    // The check fails when an entry is missing: a catalog without one code.
    const { 'invalid-utf8': _dropped, ...less } = zhCN.violations as Record<string, Entry>;
    expect(missing(less, codes)).toEqual(['invalid-utf8']);
  });

  it('keeps the English registry in the en catalog word for word', () => {
    for (const [code, kind] of Object.entries(VIOLATION_KINDS)) {
      const entry = (en.violations as Record<string, Entry>)[code]!;
      expect(entry.title, code).toBe(kind.title);
      expect(entry.explanation, code).toBe(kind.message);
    }
  });

  it('shows the engine sentence in English and the catalog sentence in Chinese, keyed by code', async () => {
    const v = violation('reserved-opcode', 0, 'Opcode 0x3 is reserved, so the frame\'s meaning is unknown and decoding stops.');
    expect(violationText(v)).toEqual({ title: 'Reserved opcode', explanation: v.message, translated: true });
    await i18n.changeLanguage('zh-CN');
    expect(violationText(v)).toEqual({ title: '保留的操作码', explanation: '该帧使用了保留的操作码，其含义未知，解码到此停止。', translated: true });
    expect(violationText({ code: 'from-the-future', message: 'Something new.' })).toEqual({ title: 'from-the-future', explanation: 'Something new.', translated: false });
  });
});
