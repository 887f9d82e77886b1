// A whole lab run without a window: Node clients on every transport, publish for a while, drain,
// close, summarize. The CLI, the sweeps and the tests all run the lab this way.
import { LAB_TRANSPORTS, type LabOptions, type LabSummary } from '../../../shared/api';
import { LabRun, delay, type MeterFactory } from './lab-run';
import { privateCaptureMeters } from './meter/meter-policy';

export interface HeadlessOptions {
  options: LabOptions;
  durationS: number;
  /** Default: a private capture, thrown away with the run (the user's capture stays untouched). */
  meterFor?: MeterFactory;
  runId?: number;
  onError?: (message: string) => void;
  /** Resolves early to end the publishing phase (Ctrl-C in the CLI). */
  interrupted?: Promise<void>;
  /** Look at the run after its final summary, before it is torn down (tests reconcile meters here). */
  inspect?: (run: LabRun, summary: LabSummary) => void | Promise<void>;
}

export async function runHeadless(o: HeadlessOptions): Promise<LabSummary> {
  if (o.meterFor) return runWith(o, o.meterFor);
  const own = privateCaptureMeters();
  try {
    return await runWith(o, own.meterFor);
  } finally {
    await own.close();
  }
}

async function runWith(o: HeadlessOptions, meterFor: MeterFactory): Promise<LabSummary> {
  const errors: string[] = [];
  const run = await LabRun.start({
    runId: o.runId ?? 1,
    options: { ...o.options, clients: 'engine' },
    meterFor,
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
