// The server's cost of long-lived connections, measured: the lab's own WebSocket, SSE and
// long-polling servers (the same handlers a run uses, nothing published), N idle clients per
// transport in a child process, and this process's memory and descriptors read before and after.
// Per connection = the difference / N. Memory figures are estimates (GC timing, allocator pages);
// descriptor counts are exact. Kernel socket buffers are not in any of them.
import { DEFAULT_LAB_OPTIONS, IDLE_TRANSPORTS, LAB_COST_LIMITS, type IdleTransport, type LabIdleCost, type LabIdleCostResult } from '../../../../shared/api';
import { startLabServers } from '../lab-servers';
import { Publisher } from '../publisher';
import { median } from '../stats';
import { idleCostClaim } from './cost-claims';
import { spawnIdleClients } from './idle-clients';
import { forcedGc, processFigures, type ProcessFigures } from './process-figures';

const HOLD_TIMEOUT_MS = 30_000;
const POLL_MS = 10;

export interface IdleTarget {
  port(t: IdleTransport): number;
  held(t: IdleTransport): number;
}

export function checkIdleClients(clients: unknown): number {
  const { min, max } = LAB_COST_LIMITS.clients;
  if (typeof clients !== 'number' || !Number.isInteger(clients) || clients < min || clients > max) throw new RangeError(`clients must be a whole number from ${min} to ${max}.`);
  return clients;
}

export async function measureIdleCost(o: { clients: number; repeats?: number; target?: IdleTarget; transports?: readonly IdleTransport[] }): Promise<LabIdleCostResult> {
  const clients = checkIdleClients(o.clients);
  const repeats = Math.max(1, Math.min(5, o.repeats ?? 2));
  const own = o.target ? null : await startLabServers(new Publisher(DEFAULT_LAB_OPTIONS), DEFAULT_LAB_OPTIONS);
  const target: IdleTarget = o.target ?? { port: (t) => own!.ports[t], held: (t) => own!.held()[t] };
  try {
    const rows: LabIdleCost[] = [];
    for (const t of o.transports ?? IDLE_TRANSPORTS) rows.push(await measureOne(target, t, clients, repeats));
    return {
      clients,
      rows,
      gcForced: forcedGc() !== null,
      method: `${clients} idle clients per transport in a child process; this process's memoryUsage() and /proc/self/fd read after a full GC before and after, ${repeats} times; the median difference / N`,
      claim: idleCostClaim(rows),
    };
  } finally {
    own?.finish();
    await own?.close();
  }
}

async function measureOne(target: IdleTarget, t: IdleTransport, n: number, repeats: number): Promise<LabIdleCost> {
  const samples: Array<{ d: ProcessFigures; held: number }> = [];
  for (let r = 0; r < repeats; r++) {
    const before = processFigures();
    const clients = spawnIdleClients(target.port(t), t, n);
    try {
      await clients.sent;
      await until(() => target.held(t) >= n, `the server to hold ${n} ${t} connections`);
      const held = target.held(t);
      const after = processFigures();
      samples.push({ held, d: { heapUsed: after.heapUsed - before.heapUsed, external: after.external - before.external, rss: after.rss - before.rss, fds: after.fds === null || before.fds === null ? null : after.fds - before.fds } });
    } finally {
      await clients.stop();
    }
    // The next reading starts from a server that let go of everything.
    await until(() => target.held(t) === 0, `the server to let go of its ${t} connections`);
  }
  const mid = (pick: (d: ProcessFigures) => number) => (median(samples.map((s) => pick(s.d))) ?? 0) / n;
  const heaps = samples.map((s) => s.d.heapUsed / n);
  const fds = samples.every((s) => s.d.fds !== null) ? mid((d) => d.fds!) : null;
  return {
    transport: t,
    clients: n,
    held: Math.min(...samples.map((s) => s.held)),
    fdsPerConnection: fds,
    heapBytesPerConnection: mid((d) => d.heapUsed),
    externalBytesPerConnection: mid((d) => d.external),
    rssBytesPerConnection: mid((d) => d.rss),
    heapSpreadBytes: Math.max(...heaps) - Math.min(...heaps),
    repeats,
  };
}

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + HOLD_TIMEOUT_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
