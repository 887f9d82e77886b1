// Frame filters, evaluated once per frame: each distinct filter keeps the sorted list of matching
// frame ids and only scans frames added since its last use, so paging through a million rows (or
// locating a frame) costs a slice or a binary search, not a rescan.
import { FramescopeError } from '../../../shared/api/errors';
import type { FrameFilter } from '../../../shared/model';
import { IndexList } from './columns';
import { framePreview } from './frame-preview';
import { R_FROM_SERVER, R_GAP, type FrameTable } from './frame-table';

const MAX_CACHED_FILTERS = 8;
const MAX_PATTERN_LENGTH = 500;

interface CachedFilter {
  matches: (id: number) => boolean;
  list: IndexList;
  scanned: number;
}

/** Rows of a filter: null means "every row" (row i is frame firstId + i). */
export type FilterRows = IndexList | null;

export function isEmptyFilter(filter: FrameFilter | undefined): boolean {
  if (filter === undefined) return true;
  return (
    (filter.connectionId ?? null) === null &&
    (filter.from ?? null) === null &&
    (filter.opcodes ?? []).length === 0 &&
    (filter.text ?? '') === '' &&
    !filter.violationsOnly
  );
}

export class FilterCache {
  private readonly cache = new Map<string, CachedFilter>();

  constructor(private readonly table: FrameTable) {}

  rows(filter: FrameFilter | undefined): FilterRows {
    if (isEmptyFilter(filter)) return null;
    const f = filter as FrameFilter;
    const key = JSON.stringify([f.connectionId ?? null, f.from ?? null, [...(f.opcodes ?? [])].sort(), f.text ?? '', !!f.regex, !!f.violationsOnly]);
    let entry = this.cache.get(key);
    if (entry === undefined) {
      entry = { matches: this.compile(f), list: new IndexList(), scanned: 0 };
      if (this.cache.size >= MAX_CACHED_FILTERS) this.cache.delete(this.cache.keys().next().value as string);
    } else {
      this.cache.delete(key); // re-inserted below: the map's order is least recently used first
    }
    this.cache.set(key, entry);
    const end = this.table.nextId;
    for (let id = Math.max(entry.scanned, this.table.firstId); id < end; id++) if (entry.matches(id)) entry.list.push(id);
    entry.scanned = end;
    return entry.list;
  }

  /** The oldest frames were dropped: forget them in every cached list. */
  dropBelow(firstId: number): void {
    for (const entry of this.cache.values()) entry.list.dropBelow(firstId);
  }

  clear(): void {
    this.cache.clear();
  }

  private compile(f: FrameFilter): (id: number) => boolean {
    const t = this.table;
    const connectionId = f.connectionId ?? null;
    const fromServer = f.from === 'server' ? true : f.from === 'client' ? false : null;
    const opcodes = new Set(f.opcodes ?? []);
    const violationsOnly = !!f.violationsOnly;
    const text = textMatcher(f);
    const plain = opcodes.size === 0 && !violationsOnly && text === null;
    return (id) => {
      if (connectionId !== null && t.connection(id) !== connectionId) return false;
      const flags = t.rowFlags(id);
      // A gap row shows wherever its connection's frames are shown unfiltered.
      if ((flags & R_GAP) !== 0) return plain;
      if (fromServer !== null && ((flags & R_FROM_SERVER) !== 0) !== fromServer) return false;
      if (opcodes.size > 0 && !opcodes.has(t.opcode(id))) return false;
      if (violationsOnly && t.violations(id).length === 0) return false;
      if (text !== null && !text(framePreview(t, id))) return false;
      return true;
    };
  }
}

function textMatcher(f: FrameFilter): ((preview: string) => boolean) | null {
  const text = f.text ?? '';
  if (text === '') return null;
  if (text.length > MAX_PATTERN_LENGTH) throw new FramescopeError('invalid', `The filter text is longer than ${MAX_PATTERN_LENGTH} characters.`);
  if (!f.regex) {
    const needle = text.toLowerCase();
    return (preview) => preview.toLowerCase().includes(needle);
  }
  let re: RegExp;
  try {
    re = new RegExp(text, 'i');
  } catch (err) {
    throw new FramescopeError('invalid', `The filter is not a valid regular expression: ${(err as Error).message}`);
  }
  return (preview) => re.test(preview);
}
