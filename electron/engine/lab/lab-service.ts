// The comparison lab in the engine (issue 7): starts a run whose HTTP/1.1 and WebSocket traffic
// passes through the capture proxy (HTTP/2 through the lab's socket tap: the proxy speaks
// HTTP/1.1), streams live marks and summaries to the renderer, and joins the browser clients'
// reported deliveries with the wire bytes.
import {
  FramescopeError,
  LAB_TRANSPORTS,
  checkLabOptions,
  type DemoServerInfo,
  type DemoServerKind,
  type DemoServerStartOptions,
  type LabApi,
  type LabBroadcastResult,
  type LabCompression,
  type LabDemoEndpoints,
  type LabHandshake,
  type LabLive,
  type LabOptions,
  type LabPhase,
  type LabReport,
  type LabStatus,
  type LabSummary,
  type LabSweepRequest,
  type LabSweepResult,
  type SocketIoRecording,
  type LabIdleCostResult,
  type LabConcurrencyResult,
} from '../../../shared/api';
import { checkConcurrency, measureConcurrency } from './cost/concurrency';
import { checkIdleClients, measureIdleCost } from './cost/idle-cost';
import { OneAtATime, nextCaptureChange } from './lab-measure';
import type { EventBus } from '../event-bus';
import { nowUs } from './clock';
import { DemoServer } from './demo-server';
import { DemoServers, type DemoCapture } from './demos/demo-servers';
import { LabRun } from './lab-run';
import { CaptureMeter, type LabCapture } from './meter/capture-meter';
import { captureMeters } from './meter/meter-policy';
import { runSweep } from './sweeps';
import { compressionSample, measureCompression } from './compression';

export const LIVE_INTERVAL_MS = 250;

/** A forgotten run stops itself: a classroom demo, not a load generator. */
export const MAX_RUN_MS = 15 * 60 * 1000;
const MAX_DELIVERIES_PER_REPORT = 20_000;

export class LabService implements LabApi {
  private run: LabRun | null = null;
  private runId = 0;
  private phase: LabPhase = 'idle';
  private error: string | null = null;
  private note: string | null = null;
  private lastSummary: LabSummary | null = null;
  private liveTimer: NodeJS.Timeout | null = null;
  private maxTimer: NodeJS.Timeout | null = null;
  private stopping: Promise<LabStatus> | null = null;
  private sweeping: Promise<LabSweepResult> | null = null;
  private demo: Promise<DemoServer> | null = null;
  private readonly oneAtATime = new OneAtATime();
  private closing!: () => void;
  private readonly closed = new Promise<void>((resolve) => (this.closing = resolve));

  readonly demoServers: DemoServers;

  constructor(private readonly deps: { capture: LabCapture & DemoCapture; bus: EventBus }) {
    this.demoServers = new DemoServers(deps.capture);
  }

  demoServerStart(options: DemoServerStartOptions): Promise<DemoServerInfo> {
    return this.demoServers.start(options ?? ({} as DemoServerStartOptions));
  }

  demoServerStop(options: { kind: DemoServerKind }): Promise<void> {
    return this.demoServers.stop(options?.kind);
  }

  demoServerList(): Promise<DemoServerInfo[]> {
    return this.demoServers.list();
  }

  async labCompression(input: Pick<LabOptions, 'size' | 'format' | 'rate'>): Promise<LabCompression[]> {
    const checked = checkLabOptions({ ...input, clients: 'engine' });
    if ('error' in checked) throw new FramescopeError('invalid', checked.error);
    return measureCompression(compressionSample(checked.options));
  }

  async labSocketIo(): Promise<SocketIoRecording> {
    await this.demoServers.start({ kind: 'socketio', connectClient: true });
    const demo = (await this.demoServers.server('socketio'))?.socketIo;
    if (!demo) throw new FramescopeError('unavailable', 'The Socket.IO demo is not running.');
    try {
      return await demo.recording(this.deps.capture, () => nextCaptureChange(this.deps.capture));
    } catch (err) {
      throw new FramescopeError('unavailable', `The Socket.IO sessions: ${(err as Error).message}`);
    }
  }

  async labIdleCost(options: { clients: number }): Promise<LabIdleCostResult> {
    return this.oneAtATime.run(async () => {
      // A run's own connections and buffers would count as idle cost.
      if (this.run && this.phase !== 'done' && this.phase !== 'failed') throw new FramescopeError('invalid', 'Stop the lab run first: its traffic would be counted as the idle connections’ cost.');
      return measureIdleCost({ clients: checkIdleClients(options?.clients) });
    });
  }

  async labConcurrency(options: { requests: number; workMs: number }): Promise<LabConcurrencyResult> {
    return this.oneAtATime.run(() => measureConcurrency(checkConcurrency(options ?? {})));
  }

  async labStart(input: LabOptions): Promise<LabStatus> {
    const checked = checkLabOptions(input);
    if ('error' in checked) throw new FramescopeError('invalid', checked.error);
    if (this.run && this.phase !== 'done' && this.phase !== 'failed') throw new FramescopeError('invalid', 'A lab run is already going; stop it first.');
    await this.run?.dispose();
    const options = checked.options;
    const runId = ++this.runId;
    this.lastSummary = null;
    this.error = null;
    this.note = null;
    this.setPhase('starting');
    const meterFor = captureMeters(this.deps.capture);
    let run: LabRun;
    try {
      run = await LabRun.start({ runId, options, meterFor, onError: (m) => this.notice(m) });
    } catch (err) {
      this.error = `The lab could not start: ${(err as Error).message}`;
      this.setPhase('failed');
      throw new FramescopeError('unavailable', this.error);
    }
    this.run = run;
    run.startNodeClients(options.clients === 'engine' ? LAB_TRANSPORTS : ['http2-polling']);
    this.emit();
    void this.begin(run);
    return this.status();
  }

  private async begin(run: LabRun): Promise<void> {
    const missing = await run.begin();
    if (this.run !== run) return;
    if (missing.length > 0) this.note = `No client connected for ${missing.join(', ')}; those lanes stay empty.`;
    this.setPhase('running');
    this.liveTimer = setInterval(() => void this.pushLive(run), LIVE_INTERVAL_MS);
    this.maxTimer = setTimeout(() => {
      this.note = 'The run stopped itself after 15 minutes.';
      void this.labStop();
    }, MAX_RUN_MS);
    this.maxTimer.unref?.();
  }

  private async pushLive(run: LabRun): Promise<LabLive | null> {
    if (this.run !== run) return null;
    const live = await run.live();
    this.lastSummary = live.summary;
    this.emit(live);
    return live;
  }

  async labStop(): Promise<LabStatus> {
    const run = this.run;
    if (!run || this.phase === 'done' || this.phase === 'failed' || this.phase === 'idle') return this.status();
    this.stopping ??= (async () => {
      this.clearTimers();
      try {
        this.setPhase('draining');
        const behind = await run.drain();
        if (behind.length > 0) this.note = `Not every message arrived in time on ${behind.join(', ')}.`;
        this.setPhase('closing');
        await run.close();
        await this.pushLive(run);
        this.setPhase('done');
      } catch (err) {
        this.error = `The lab failed while stopping: ${(err as Error).message}`;
        this.setPhase('failed');
      } finally {
        await run.dispose();
        this.stopping = null;
      }
      return this.status();
    })();
    return this.stopping;
  }

  async labStatus(): Promise<LabStatus> {
    return this.status();
  }

  async labReport(report: LabReport): Promise<void> {
    const run = this.run;
    if (!report || typeof report !== 'object' || !Array.isArray(report.deliveries)) throw new FramescopeError('invalid', 'A lab report needs a deliveries array.');
    if (!LAB_TRANSPORTS.includes(report.transport)) throw new FramescopeError('invalid', `Unknown lab transport ${String(report.transport)}.`);
    if (report.deliveries.length > MAX_DELIVERIES_PER_REPORT) throw new FramescopeError('invalid', 'Too many deliveries in one report.');
    // Reports from an earlier run (a late batch after Stop and Start) are dropped, not mixed in.
    if (!run || report.runId !== this.runId) return;
    run.report(
      report.transport,
      report.deliveries.filter((d) => d && typeof d.seq === 'number' && typeof d.receivedAt === 'number'),
    );
  }

  async labClock(): Promise<number> {
    return nowUs();
  }

  async labSummary(): Promise<LabSummary | null> {
    return this.lastSummary ?? this.run?.summary() ?? null;
  }

  async labSweep(request: LabSweepRequest): Promise<LabSweepResult> {
    const kind = request?.kind;
    if (kind !== 'interval' && kind !== 'size') throw new FramescopeError('invalid', "A sweep is 'interval' or 'size'.");
    if (this.sweeping) throw new FramescopeError('invalid', 'A sweep is already running.');
    this.sweeping = runSweep(kind, (done, total) => this.deps.bus.emit({ type: 'lab-sweep', kind, done, total }), { interrupted: this.closed });
    try {
      return await this.sweeping;
    } catch (err) {
      throw new FramescopeError('internal', `The sweep stopped: ${(err as Error).message}`);
    } finally {
      this.sweeping = null;
    }
  }

  async labDemoStart(): Promise<LabDemoEndpoints> {
    this.demo ??= DemoServer.start((port) => CaptureMeter.start(this.deps.capture, port));
    try {
      return (await this.demo).endpoints();
    } catch (err) {
      this.demo = null;
      throw new FramescopeError('unavailable', `The demonstrations could not start: ${(err as Error).message}`);
    }
  }

  async labBroadcast(options: { size: number }): Promise<LabBroadcastResult> {
    const size = options?.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 64 || size > 65_536) throw new FramescopeError('invalid', 'size must be a whole number from 64 to 65536.');
    if (!this.demo) throw new FramescopeError('invalid', 'Start the demonstrations first.');
    return (await this.demo).broadcastMeasured(size);
  }

  async labHandshake(options: { tag: string }): Promise<LabHandshake | null> {
    const tag = options?.tag;
    if (typeof tag !== 'string' || !/^[\w-]{4,64}$/.test(tag)) throw new FramescopeError('invalid', 'A handshake tag is 4 to 64 letters, digits, - or _.');
    if (!this.demo) return null;
    return (await this.demo).handshake(tag);
  }

  async close(): Promise<void> {
    this.closing();
    this.clearTimers();
    await this.run?.dispose();
    this.run = null;
    if (this.demo) await (await this.demo.catch(() => null))?.close();
    await this.demoServers.close();
    this.demo = null;
  }

  private status(): LabStatus {
    const run = this.run;
    return {
      phase: this.phase,
      runId: run ? this.runId : null,
      options: run?.options ?? null,
      endpoints: run?.endpoints() ?? null,
      startedAt: run?.startedAt ?? null,
      endedAt: run?.endedAt ?? null,
      published: run?.publisher.history.length ?? 0,
      error: this.error,
      note: this.note,
    };
  }

  private setPhase(phase: LabPhase): void {
    this.phase = phase;
    this.emit();
  }

  private emit(live?: LabLive): void {
    this.deps.bus.emit(live ? { type: 'lab', status: this.status(), live } : { type: 'lab', status: this.status() });
  }

  private notice(message: string): void {
    this.deps.bus.emit({ type: 'notice', level: 'error', message: `Lab: ${message}` });
  }

  private clearTimers(): void {
    if (this.liveTimer) clearInterval(this.liveTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.liveTimer = null;
    this.maxTimer = null;
  }
}
