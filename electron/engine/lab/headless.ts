// A whole lab run without a window: Node clients on every transport, publish for a while, drain,
// close, summarize. The CLI, the sweeps and the tests all run the lab this way.
import { LAB_TRANSPORTS, type LabOptions, type LabSummary } from '../../../shared/api';
import { LabRun, delay, type MeterFactory } from './lab-run';
import { tapMeters } from './meter/meter-policy';

export interface HeadlessOptions {
  options: LabOptions;
  durationS: number;
  meterFor?: MeterFactory;
  runId?: number;
  onError?: (message: string) => void;
  /** Resolves early to end the publishing phase (Ctrl-C in the CLI). */
  interrupted?: Promise<void>;
  /** Look at the run after its final summary, before it is torn down (tests reconcile meters here). */
  inspect?: (run: LabRun, summary: LabSummary) => void | Promise<void>;
}

export async function runHeadless(o: HeadlessOptions): Promise<LabSummary> {
  const errors: string[] = [];
  const run = await LabRun.start({
    runId: o.runId ?? 1,
    options: { ...o.options, clients: 'engine' },
    meterFor: o.meterFor ?? tapMeters,
    onError: (m) => {
      errors.push(m);
      o.onError?.(m);
    },
  });
  try {
    run.startNodeClients(LAB_TRANSPORTS);
    const missing = await run.begin();
    if (missing.length > 0) throw new Error(`no client connected for ${missing.join(', ')}${errors.length ? `: ${errors[0]}` : ''}`);
    await Promise.race([delay(o.durationS * 1000), o.interrupted ?? new Promise(() => {})]);
    await run.drain();
    const summary = await run.close();
    await o.inspect?.(run, summary);
    return summary;
  } finally {
    await run.dispose();
  }
}
