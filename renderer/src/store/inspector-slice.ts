import type { StateCreator } from 'zustand';
import type { FrameFilter, Peer } from '../../../shared/model';
import type { StoreState } from './index';

export type DetailTab = 'anatomy' | 'payload' | 'handshake';

/** What the user asked the frame table to show; the connection comes from the sidebar selection. */
export interface InspectorFilter {
  from: Peer | null;
  /** Opcodes to keep; empty keeps all. */
  opcodes: number[];
  text: string;
  regex: boolean;
  violationsOnly: boolean;
}

export const EMPTY_FILTER: InspectorFilter = { from: null, opcodes: [], text: '', regex: false, violationsOnly: false };

export interface InspectorSlice {
  inspectorFilter: InspectorFilter;
  /** Keep the newest frame in view while capturing; off as soon as the user scrolls up. */
  followLive: boolean;
  detailTab: DetailTab;
  detailOpen: boolean;
  setInspectorFilter(patch: Partial<InspectorFilter>): void;
  clearInspectorFilter(): void;
  setFollowLive(follow: boolean): void;
  setDetailTab(tab: DetailTab): void;
  setDetailOpen(open: boolean): void;
}

export const createInspectorSlice: StateCreator<StoreState, [], [], InspectorSlice> = (set) => ({
  inspectorFilter: EMPTY_FILTER,
  followLive: true,
  detailTab: 'anatomy',
  detailOpen: true,
  setInspectorFilter: (patch) => set((s) => ({ inspectorFilter: { ...s.inspectorFilter, ...patch } })),
  clearInspectorFilter: () => set({ inspectorFilter: EMPTY_FILTER }),
  setFollowLive: (followLive) => set({ followLive }),
  setDetailTab: (detailTab) => set({ detailTab }),
  setDetailOpen: (detailOpen) => set({ detailOpen }),
});

export function isFilterActive(f: InspectorFilter): boolean {
  return f.from !== null || f.opcodes.length > 0 || f.text !== '' || f.violationsOnly;
}

/**
 * The engine's filter for the table. The search must already be valid (an invalid regular
 * expression is never sent: the toolbar says what is wrong and the table keeps the last one).
 */
export function toFrameFilter(f: InspectorFilter, connectionId: number | null): FrameFilter {
  const text = f.text;
  const out: FrameFilter = {};
  if (connectionId !== null) out.connectionId = connectionId;
  if (f.from !== null) out.from = f.from;
  if (f.opcodes.length > 0) out.opcodes = [...f.opcodes].sort((a, b) => a - b);
  if (text !== '') {
    out.text = text;
    if (f.regex) out.regex = true;
  }
  if (f.violationsOnly) out.violationsOnly = true;
  return out;
}

/** A stable key for a filter, for the page cache. */
export function filterKey(filter: FrameFilter): string {
  return JSON.stringify([filter.connectionId ?? null, filter.from ?? null, filter.opcodes ?? [], filter.text ?? '', filter.regex ?? false, filter.violationsOnly ?? false]);
}
