// Finding a term by any of its words, in either language: a teacher types 掩码, a student types
// "mask", a developer types 1002 or "§5.3"; all land on the same entries.
import { TERM_IDS, termSource, type TermId } from './terms';

/** The text of one term in one language (the glossary catalog's terms.<id>). */
export interface TermText {
  term: string;
  desc: string;
}

export type TermTextLookup = (id: TermId) => readonly TermText[];

/** Case- and width-insensitive form for matching ("ＭＡＳＫ", "Mask" and "mask" are one word). */
export function normalize(s: string): string {
  return s.normalize('NFKC').replaceAll('`', '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function haystack(id: TermId, texts: readonly TermText[]): string {
  return normalize([id, termSource(id) ?? '', ...texts.flatMap((t) => [t.term, t.desc])].join('\n'));
}

/** How well the names match: the whole query as a name, inside a name, every word in the names, or none. */
function nameScore(q: string, words: readonly string[], texts: readonly TermText[]): number {
  const names = texts.map((t) => normalize(t.term));
  if (names.includes(q)) return 3;
  if (names.some((n) => n.includes(q))) return 2;
  return words.every((w) => names.some((n) => n.includes(w))) ? 1 : 0;
}

/**
 * The ids whose term, explanation, id or source contains every word of the query, best name
 * matches first (then glossary order); all ids, in glossary order, for an empty query.
 */
export function searchTerms(query: string, lookup: TermTextLookup, ids: readonly TermId[] = TERM_IDS): TermId[] {
  const q = normalize(query);
  const words = q.split(' ').filter((w) => w !== '');
  if (words.length === 0) return [...ids];
  const hits: Array<{ id: TermId; score: number; order: number }> = [];
  ids.forEach((id, order) => {
    const texts = lookup(id);
    if (words.every((w) => haystack(id, texts).includes(w))) hits.push({ id, score: nameScore(q, words, texts), order });
  });
  return hits.sort((a, b) => b.score - a.score || a.order - b.order).map((h) => h.id);
}
