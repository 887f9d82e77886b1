import type { StateCreator } from 'zustand';
import type { CaptureDelta, EngineEvent, ProxyStatus } from '../../../shared/api';
import type { CaptureStats, ConnectionSummary, HttpExchange } from '../../../shared/model';
import type { StoreState } from './index';

const EMPTY_STATS: CaptureStats = {
  connections: 0,
  frames: 0,
  httpExchanges: 0,
  memoryBytes: 0,
  spilledBytes: 0,
  paused: false,
  budget: { memoryBytes: 0, diskBytes: 0, whenFull: 'stop' },
  full: false,
  droppedFrames: 0,
  notRecordedFrames: 0,
  firstFrameId: 0,
  nextFrameId: 0,
};

export interface CaptureSlice {
  /** Replaced, never mutated, so selectors see a new reference when anything changes. */
  connections: ReadonlyMap<number, ConnectionSummary>;
  /** HTTP exchanges as the change feed delivered them (no refetching). */
  exchanges: ReadonlyMap<number, HttpExchange>;
  stats: CaptureStats;
  /** The engine's capture version (CaptureDeltaEvent.version): views that page frames re-query when it changes. */
  captureVersion: number;
  proxies: ProxyStatus[];
  selectedConnectionId: number | null;
  selectedFrameId: number | null;
  setProxies(proxies: ProxyStatus[]): void;
  setConnections(connections: ConnectionSummary[]): void;
  selectConnection(id: number | null): void;
  selectFrame(id: number | null): void;
  applyEvents(events: EngineEvent[]): void;
}

/** What a batch of capture deltas does to the slice (maps copied once per batch, only when touched). */
interface Draft {
  connections: Map<number, ConnectionSummary> | null;
  exchanges: Map<number, HttpExchange> | null;
  stats: CaptureStats;
  version: number;
  selection: { selectedConnectionId?: number | null; selectedFrameId?: number | null };
}

function applyDelta(d: CaptureDelta, draft: Draft, state: StoreState): void {
  switch (d.type) {
    case 'connection':
      (draft.connections ??= new Map(state.connections)).set(d.connection.id, d.connection);
      break;
    case 'exchange':
      (draft.exchanges ??= new Map(state.exchanges)).set(d.exchange.id, d.exchange);
      break;
    case 'cleared':
      draft.connections = new Map();
      draft.exchanges = new Map();
      draft.stats = { ...EMPTY_STATS, paused: draft.stats.paused, budget: draft.stats.budget, nextFrameId: d.nextFrameId, firstFrameId: d.nextFrameId };
      draft.selection = { selectedConnectionId: null, selectedFrameId: null };
      break;
    case 'dropped': {
      const selected = draft.selection.selectedFrameId !== undefined ? draft.selection.selectedFrameId : state.selectedFrameId;
      if (selected !== null && selected < d.firstKeptId) draft.selection = { ...draft.selection, selectedFrameId: null };
      break;
    }
    case 'stats':
      draft.stats = d.stats;
      break;
    default:
      break; // 'frames' and 'recording': the version bump makes the views re-query
  }
}

export const createCaptureSlice: StateCreator<StoreState, [], [], CaptureSlice> = (set, get) => ({
  connections: new Map(),
  exchanges: new Map(),
  stats: EMPTY_STATS,
  captureVersion: 0,
  proxies: [],
  selectedConnectionId: null,
  selectedFrameId: null,
  setProxies: (proxies) => set({ proxies }),
  setConnections: (list) => set({ connections: new Map(list.map((c) => [c.id, c])) }),
  selectConnection: (selectedConnectionId) => set({ selectedConnectionId, selectedFrameId: null }),
  selectFrame: (selectedFrameId) => set({ selectedFrameId }),
  applyEvents(events) {
    const state = get();
    const draft: Draft = { connections: null, exchanges: null, stats: state.stats, version: state.captureVersion, selection: {} };
    for (const event of events) {
      switch (event.type) {
        case 'capture-deltas':
          draft.version = Math.max(draft.version + 1, event.version);
          for (const d of event.deltas) applyDelta(d, draft, state);
          break;
        case 'proxies':
          set({ proxies: event.proxies });
          break;
        case 'notice':
          // The engine's words (English, for the CLI too) are data beside a sentence in the reader's language.
          get().pushNotice(event.level, { text: { key: 'shell:notices.fromEngine' }, detail: event.message });
          break;
        case 'lab':
        case 'lab-sweep':
          get().applyLabEvent(event);
          break;
        default:
          break;
      }
    }
    set({
      stats: draft.stats,
      captureVersion: draft.version,
      ...draft.selection,
      ...(draft.connections ? { connections: draft.connections } : {}),
      ...(draft.exchanges ? { exchanges: draft.exchanges } : {}),
    });
  },
});
