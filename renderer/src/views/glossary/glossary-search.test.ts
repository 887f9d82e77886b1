import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/glossary.json';
import zh from '../../i18n/locales/zh-CN/glossary.json';
import { normalize, searchTerms, type TermTextLookup } from './glossary-search';
import { TERM_GROUPS, TERM_IDS, closeCodeTerm, isTermId, termGroup } from './terms';

const lookup: TermTextLookup = (id) => [en.terms[id], zh.terms[id]];

describe('glossary terms', () => {
  it('has an English and a Chinese term and explanation for every id, and nothing else', () => {
    expect(Object.keys(en.terms).sort()).toEqual([...TERM_IDS].sort());
    expect(Object.keys(zh.terms).sort()).toEqual([...TERM_IDS].sort());
    for (const id of TERM_IDS) {
      for (const t of [en.terms[id], zh.terms[id]]) {
        expect(t.term.trim(), id).not.toBe('');
        expect(t.desc.trim().length, id).toBeGreaterThan(5);
      }
      expect(zh.terms[id].desc, id).toMatch(/[\u4e00-\u9fff]/);
      expect(TERM_GROUPS).toContain(termGroup(id));
    }
  });

  it('uses the textbook terms of the brief', () => {
    expect(zh.terms.mask.term).toBe('掩码');
    expect(zh.terms['masking-key'].term).toBe('掩码键');
    expect(zh.terms.fragmentation.term).toBe('分片');
    expect(zh.terms['control-frame'].term).toBe('控制帧');
    expect(zh.terms.handshake.term).toBe('握手');
    expect(zh.terms['long-polling'].term).toBe('长轮询');
    expect(zh.terms.sse.term).toBe('服务器发送事件（SSE）');
    expect(zh.terms['certificate-authority'].term).toBe('证书颁发机构（CA）');
  });

  it('has an entry for every close code 1000-1015 and none for others', () => {
    for (let code = 1000; code <= 1015; code++) expect(closeCodeTerm(code)).toBe(`close-${code}`);
    expect(closeCodeTerm(999)).toBeNull();
    expect(closeCodeTerm(4000)).toBeNull();
    expect(isTermId('toString')).toBe(false);
  });
});

describe('searchTerms', () => {
  it('finds a term by its Chinese and by its English name', () => {
    expect(searchTerms('掩码键', lookup)[0]).toBe('masking-key');
    expect(searchTerms('masking key', lookup)[0]).toBe('masking-key');
    expect(searchTerms('MASKING KEY', lookup)[0]).toBe('masking-key');
    expect(searchTerms('长轮询', lookup)).toContain('long-polling');
  });

  it('finds by close code and by section', () => {
    expect(searchTerms('1002', lookup)[0]).toBe('close-1002');
    expect(searchTerms('§5.3', lookup)).toEqual(expect.arrayContaining(['mask', 'masking-key']));
  });

  it('requires every word and returns everything for an empty query', () => {
    expect(searchTerms('mask zzzz', lookup)).toEqual([]);
    expect(searchTerms('   ', lookup)).toEqual(TERM_IDS);
  });

  it('lists name matches before explanation matches', () => {
    const hits = searchTerms('ping', lookup);
    expect(hits.slice(0, 1)).toEqual(['ping']);
    expect(hits).toContain('heartbeat');
  });

  it('normalizes width and case', () => {
    expect(normalize('ＭＡＳＫ  Key')).toBe('mask key');
  });
});
