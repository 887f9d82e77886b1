// The comparison lab's state: the run's status and summary, the form's options, sweeps, and how the
// lanes are viewed (following live, paused, or scrubbed back). The lanes' bulk data is in
// views/lab/lab-data.ts; `labVersion` tells the view it changed. The browser clients belong to the
// run, not to the view: switching views mid-run does not stop them.
import type { StateCreator } from 'zustand';
import {
  DEFAULT_LAB_OPTIONS,
  type LabCompression,
  type LabConcurrencyResult,
  type LabEvent,
  type LabIdleCostResult,
  type LabOptions,
  type LabStatus,
  type LabSummary,
  type LabSweepRequest,
  type LabSweepResult,
  type SocketIoRecording,
} from '../../../shared/api';
import { BrowserLabClients, estimateClockOffset } from '../services/lab/browser-clients';
import { addLive, resetTimeline } from '../views/lab/lab-data';
import { requireClient } from './app-slice';
import { errorNotice } from '../actions/error-text';
import type { StoreState } from './index';

export type SweepKind = LabSweepRequest['kind'];

/** The last result of each on-demand measurement: it outlives its panel (switching lab tabs unmounts it). */
export interface LabMeasures {
  concurrency?: LabConcurrencyResult;
  idle?: LabIdleCostResult;
  compression?: LabCompression[];
  socketio?: SocketIoRecording;
}

export interface LabSlice {
  labStatus: LabStatus | null;
  labSummary: LabSummary | null;
  labVersion: number;
  labForm: LabOptions;
  labBusy: boolean;
  labError: string | null;
  /** null: follow live; else the end of the shown window (µs, engine clock). */
  labWindowEnd: number | null;
  labWindowS: number;
  labSweeps: Partial<Record<SweepKind, LabSweepResult>>;
  labSweepProgress: Partial<Record<SweepKind, { done: number; total: number }>>;
  labMeasures: LabMeasures;
  /** The browser clients of the current run (browser mode); they belong to the run, not to a view. */
  labBrowserClients: BrowserLabClients | null;
  setLabMeasure<K extends keyof LabMeasures>(kind: K, result: NonNullable<LabMeasures[K]>): void;
  setLabForm(patch: Partial<LabOptions>): void;
  setLabWindow(end: number | null, seconds?: number): void;
  startLab(): Promise<void>;
  stopLab(): Promise<void>;
  runLabSweep(kind: SweepKind): Promise<void>;
  /** Asks the engine for the run's state (a reloaded page gets events only when something changes). */
  refreshLab(): Promise<void>;
  applyLabEvent(event: LabEvent): void;
}

/** The engine's run is over (or a new one starts): its browser clients stop asking. */
function stopBrowserClients(get: () => StoreState, set: (patch: Partial<LabSlice>) => void): void {
  void get().labBrowserClients?.stop();
  set({ labBrowserClients: null });
}

export const createLabSlice: StateCreator<StoreState, [], [], LabSlice> = (set, get) => ({
  labStatus: null,
  labSummary: null,
  labVersion: 0,
  labForm: DEFAULT_LAB_OPTIONS,
  labBusy: false,
  labError: null,
  labWindowEnd: null,
  labWindowS: 10,
  labSweeps: {},
  labSweepProgress: {},
  labMeasures: {},
  labBrowserClients: null,
  setLabMeasure: (kind, result) => set((s) => ({ labMeasures: { ...s.labMeasures, [kind]: result } })),
  setLabForm: (patch) => set((s) => ({ labForm: { ...s.labForm, ...patch } })),
  setLabWindow: (labWindowEnd, seconds) => set((s) => ({ labWindowEnd, labWindowS: seconds ?? s.labWindowS })),

  async startLab() {
    const client = requireClient(get().client);
    set({ labBusy: true, labError: null, labWindowEnd: null });
    stopBrowserClients(get, set);
    try {
      const status = await client.labStart(get().labForm);
      resetTimeline(status.runId);
      set((s) => ({ labStatus: status, labSummary: null, labVersion: s.labVersion + 1 }));
      if (status.options?.clients === 'browser' && status.endpoints && status.runId !== null) {
        const offset = await estimateClockOffset(() => client.labClock());
        const clients = new BrowserLabClients(status.runId, status.endpoints, status.options, offset, (r) => client.labReport(r), (m) => {
          get().pushNotice('error', errorNotice(m, { key: 'errors:context.lab' }, 'unavailable'));
        },
        );
        set({ labBrowserClients: clients });
        await clients.start();
      }
    } catch (err) {
      set({ labError: (err as Error).message });
    } finally {
      set({ labBusy: false });
    }
  },

  async stopLab() {
    set({ labBusy: true });
    try {
      const status = await requireClient(get().client).labStop();
      set({ labStatus: status });
    } catch (err) {
      set({ labError: (err as Error).message });
    } finally {
      stopBrowserClients(get, set);
      set({ labBusy: false });
    }
  },

  async runLabSweep(kind) {
    set((s) => ({ labSweepProgress: { ...s.labSweepProgress, [kind]: { done: 0, total: 1 } }, labError: null }));
    try {
      const result = await requireClient(get().client).labSweep({ kind });
      set((s) => ({ labSweeps: { ...s.labSweeps, [kind]: result } }));
    } catch (err) {
      set({ labError: (err as Error).message });
    } finally {
      set((s) => ({ labSweepProgress: { ...s.labSweepProgress, [kind]: undefined } }));
    }
  },

  async refreshLab() {
    try {
      const client = requireClient(get().client);
      const [status, summary] = await Promise.all([client.labStatus(), client.labSummary()]);
      set((s) => ({ labStatus: s.labStatus ?? status, labSummary: s.labSummary ?? summary }));
    } catch (err) {
      set({ labError: (err as Error).message });
    }
  },

  applyLabEvent(event) {
    if (event.type === 'lab-sweep') {
      // The last progress event can arrive after the result: a finished sweep shows no progress.
      const progress = event.done < event.total ? { done: event.done, total: event.total } : undefined;
      set((s) => ({ labSweepProgress: { ...s.labSweepProgress, [event.kind]: progress } }));
      return;
    }
    const { status, live } = event;
    // The engine's draining is over: the browser clients stop asking, the servers close the rest.
    if (status.phase === 'closing' || status.phase === 'done' || status.phase === 'failed') stopBrowserClients(get, set);
    if (live) addLive(live);
    set((s) => ({ labStatus: status, labSummary: live?.summary ?? s.labSummary, labVersion: live ? s.labVersion + 1 : s.labVersion }));
  },
});
