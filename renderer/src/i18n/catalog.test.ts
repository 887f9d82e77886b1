// The catalogs agree: every English key has a Simplified Chinese text with the same placeholders, and no
// language has a key the other lacks. Plurals follow CLDR: English has `_one`/`_other`, Chinese only `_other`.
import { describe, expect, it } from 'vitest';
import { en, zhCN } from './resources';
import { matchLanguage, pickLanguage } from './languages';

type Tree = { readonly [k: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

export function compareCatalogs(a: Tree, b: Tree): string[] {
  const problems: string[] = [];
  const fa = flatten(a);
  const fb = flatten(b);
  const basesB = new Set([...fb.keys()].map(base));
  const basesA = new Set([...fa.keys()].map(base));
  for (const [key, text] of fa) {
    if (text.trim() === '') problems.push(`en ${key} is empty`);
    const other = fb.get(key) ?? (PLURAL.test(key) ? fb.get(`${base(key)}_other`) : undefined);
    if (other === undefined) {
      if (!basesB.has(base(key))) problems.push(`zh-CN lacks ${key}`);
      continue;
    }
    if (other.trim() === '') problems.push(`zh-CN ${key} is empty`);
    const pa = placeholders(text).filter((p) => p !== 'count');
    const pb = placeholders(other).filter((p) => p !== 'count');
    if (pa.join() !== pb.join()) problems.push(`${key}: placeholders differ (en ${pa.join() || '-'}; zh-CN ${pb.join() || '-'})`);
  }
  for (const key of fb.keys()) if (!basesA.has(base(key))) problems.push(`zh-CN has ${key}, en does not`);
  return problems;
}

describe('locale catalogs', () => {
  it('zh-CN has every en key with the same placeholders, and nothing else', () => {
    for (const ns of Object.keys(en) as (keyof typeof en)[]) {
      expect(compareCatalogs(en[ns] as Tree, zhCN[ns] as Tree), `namespace ${ns}`).toEqual([]);
    }
  });

  it('the comparison catches a missing key, an extra key and a lost placeholder', () => {
    const a = { x: 'Hello {{name}}', y: 'Two', n_one: '{{count}} frame', n_other: '{{count}} frames' };
    expect(compareCatalogs(a, { x: '你好 {{name}}', y: '二', n_other: '{{count}} 帧' })).toEqual([]);
    expect(compareCatalogs(a, { x: '你好', n_other: '帧' })).toEqual(['x: placeholders differ (en name; zh-CN -)', 'zh-CN lacks y']);
    expect(compareCatalogs({ x: 'a' }, { x: '甲', z: '乙' })).toEqual(['zh-CN has z, en does not']);
  });
});

describe('initial language', () => {
  it('takes ?lang first, then the stored choice, the host default, then the system', () => {
    expect(pickLanguage({ query: 'zh-CN', stored: 'en', system: ['en-US'] })).toBe('zh-CN');
    expect(pickLanguage({ query: 'xx', stored: 'zh-CN', system: ['en-US'] })).toBe('zh-CN');
    expect(pickLanguage({ hostDefault: 'zh-CN', system: ['en-US'] })).toBe('zh-CN');
    expect(pickLanguage({ system: ['fr-FR', 'zh-Hans-CN'] })).toBe('zh-CN');
    expect(pickLanguage({ system: ['fr-FR'] })).toBe('en');
  });
  it('does not take Traditional Chinese for Simplified', () => {
    expect(matchLanguage('zh-TW')).toBeUndefined();
    expect(matchLanguage('zh-Hant-HK')).toBeUndefined();
    expect(matchLanguage('zh-SG')).toBe('zh-CN');
  });
});
