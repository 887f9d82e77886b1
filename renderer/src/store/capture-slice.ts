import type { StateCreator } from 'zustand';
import type { EngineEvent, ProxyStatus } from '../../../shared/api';
import type { CaptureStats, ConnectionSummary } from '../../../shared/model';
import type { StoreState } from './index';

const EMPTY_STATS: CaptureStats = { connections: 0, frames: 0, httpExchanges: 0, memoryBytes: 0, spilledBytes: 0, paused: false };

export interface CaptureSlice {
  /** Replaced, never mutated, so selectors see a new reference when anything changes. */
  connections: ReadonlyMap<number, ConnectionSummary>;
  stats: CaptureStats;
  /** Bumped on every capture event: views that page frames from the engine re-query on change. */
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

export const createCaptureSlice: StateCreator<StoreState, [], [], CaptureSlice> = (set, get) => ({
  connections: new Map(),
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
    let connections: Map<number, ConnectionSummary> | null = null;
    let stats = get().stats;
    let version = get().captureVersion;
    for (const event of events) {
      switch (event.type) {
        case 'capture':
          stats = event.stats;
          version++;
          if (event.connections.length > 0) {
            connections ??= new Map(get().connections);
            for (const c of event.connections) connections.set(c.id, c);
          }
          break;
        case 'capture-cleared':
          connections = new Map();
          stats = { ...EMPTY_STATS, paused: stats.paused };
          version++;
          set({ selectedConnectionId: null, selectedFrameId: null });
          break;
        case 'proxies':
          set({ proxies: event.proxies });
          break;
        case 'notice':
          get().pushNotice(event.level, event.message);
          break;
        case 'lab':
        case 'lab-sweep':
          get().applyLabEvent(event);
          break;
        default:
          break;
      }
    }
    set({ stats, captureVersion: version, ...(connections ? { connections } : {}) });
  },
});
