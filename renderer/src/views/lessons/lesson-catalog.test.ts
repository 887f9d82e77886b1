// Lesson words are looked up by ids built at run time, which the typed `t` cannot check: this test
// does, for both languages — every lesson, step and action has its words, and both catalogs quote
// the notes' original Chinese sentence identically.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../../shared/lessons/lessons';
import en from '../../i18n/locales/en/lessons.json';
import zh from '../../i18n/locales/zh-CN/lessons.json';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('lesson catalogs', () => {
  for (const [lang, catalog] of [['en', en], ['zh-CN', zh]] as const) {
    it(`${lang}: every lesson, step and action has its words`, () => {
      const missing: string[] = [];
      for (const lesson of LESSONS) {
        const keys = ['title', 'summary', 'quote', 'quoteNote'].map((f) => `${lesson.id}.${f}`);
        for (const step of lesson.steps) keys.push(...['text', 'task', 'pass'].map((f) => `${lesson.id}.steps.${step.id}.${f}`));
        for (const action of lesson.steps.flatMap((s) => s.actions)) keys.push(`actions.${action}`);
        for (const key of keys) if (!lookup(catalog as Tree, key)?.trim()) missing.push(key);
      }
      expect(missing).toEqual([]);
    });
  }

  it('quotes the notes in their original Chinese in both languages', () => {
    for (const lesson of LESSONS) {
      const quote = lookup(en as Tree, `${lesson.id}.quote`);
      expect(quote).toBe(lookup(zh as Tree, `${lesson.id}.quote`));
      expect(quote).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps backtick code spans balanced, so no data leaks into translated text', () => {
    const walk = (tree: Tree, at: string): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? ((v.split('`').length - 1) % 2 === 0 ? [] : [`${at}${k}`]) : walk(v, `${at}${k}.`)));
    expect(walk(en as Tree, '')).toEqual([]);
    expect(walk(zh as Tree, '')).toEqual([]);
  });
});
