// The headless capture loop shared by `framescope capture` and `framescope browser`: start a
// proxy, print one line per frame on stdout and connection news on stderr, write the JSON Lines
// file with --out, and stop (flushing everything) when `until` resolves.
import { readFileSync } from 'node:fs';
import type { ProxyOptions, ProxyStatus } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import { parseHostPattern } from '../../../shared/host-pattern';
import type { ConnectionSummary, FrameSummary, HttpExchange } from '../../../shared/model';
import { opcodeName } from '../../../shared/protocol/index';
import { CaptureService, type CaptureServiceDeps } from '../capture/capture-service';
import { resolveDataDir } from '../data-dir';
import { EventBus } from '../event-bus';
import { CaptureFile } from './capture-file';
import type { CliIo } from './command';
import { UsageError, stringFlag, type ParsedArgs } from './flags';
import { terminalText } from './terminal-text';

const PAGE = 5000;

export interface CaptureRun {
  proxy: ProxyOptions;
  deps: Partial<CaptureServiceDeps>;
  out: string | undefined;
  until: Promise<void>;
  /** The line said on stderr once the proxy listens. */
  announce(status: ProxyStatus): string;
  /** Called once the proxy listens (framescope browser starts the browser here). */
  started?(status: ProxyStatus, capture: CaptureService): void;
}

/** HOST[,HOST…], each a pattern of shared/host-pattern.ts (a name, *.domain or an IP address), in its normal form. */
function hostList(args: ParsedArgs, flag: string): string[] {
  const value = stringFlag(args, flag);
  if (value === undefined) return [];
  return value
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => {
      const parsed = parseHostPattern(s);
      if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.message}`);
      return parsed.text;
    });
}

/** --upstream-ca FILE, --insecure-upstream HOST[,HOST], --pass-through HOST[,HOST]. */
export function tlsFlags(args: ParsedArgs): Partial<CaptureServiceDeps> {
  const caFile = stringFlag(args, 'upstream-ca');
  let certificates: string[] = [];
  if (caFile !== undefined) {
    let pem: string;
    try {
      pem = readFileSync(caFile, 'utf8');
    } catch (err) {
      throw new UsageError(`--upstream-ca: cannot read ${caFile} (${(err as Error).message})`);
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--upstream-ca: ${caFile} holds no PEM certificate`);
    certificates = [pem];
  }
  return {
    ...(certificates.length > 0 ? { trustedCertificates: certificates } : {}),
    insecureUpstreamHosts: hostList(args, 'insecure-upstream'),
    passThroughHosts: hostList(args, 'pass-through'),
  };
}

export async function runCapture(io: CliIo, run: CaptureRun): Promise<number> {
  const outPath = run.out;
  let file: CaptureFile | null = null;
  if (outPath !== undefined) {
    try {
      file = CaptureFile.create(outPath);
    } catch (err) {
      io.err(`framescope capture: cannot write ${outPath}: ${(err as Error).message}`);
      return 1;
    }
  }
  const bus = new EventBus();
  // Headless, every frame is printed (and written with --out) as it comes and nothing reads old
  // ones: when the capture is full the oldest go, instead of recording stopping without a word.
  const budget = { whenFull: 'drop-oldest' as const, ...run.deps.budget };
  const capture = new CaptureService({ bus, dataDir: resolveDataDir(), ...run.deps, budget });
  // Frames go to the file as they are recorded (gap rows, the capture's own notes, never do).
  const unfollow = file?.follow(capture.store) ?? ((): void => {});
  let status: ProxyStatus;
  try {
    status = await capture.startProxy(run.proxy);
    if (status.exposed) io.err(`Warning: listening on ${status.listenHost}: other machines can use this proxy and read what it captures.`);
  } catch (err) {
    unfollow();
    await capture.close();
    file?.close();
    io.err(`framescope capture: ${terminalText(err instanceof FramescopeError ? err.message : (err as Error).message)}`);
    return 1;
  }
  io.err(run.announce(status));
  run.started?.(status, capture);
  if (file) io.err(`Writing the capture to ${outPath}`);

  // The change feed says what changed; the frames for stdout are read in pages from the id after
  // the last one printed (ids never repeat; a position moves when the oldest frames are dropped).
  const written = new Set<string>();
  let next = 0;
  const connections = new Map<number, ConnectionSummary>();
  const exchanges = new Map<number, HttpExchange>();
  const pump = async (final: boolean): Promise<void> => {
    for (;;) {
      const first = capture.store.frames.firstId;
      if (next < first) {
        io.err(`framescope capture: ${first - next} frames were dropped from the full capture before they were printed${file ? ' (the file has them)' : ''}.`);
        next = first;
      }
      const page = await capture.queryFrames({ start: next - first, count: PAGE });
      for (const row of page.rows) io.out(frameLine(row));
      next = (page.rows.at(-1)?.id ?? next - 1) + 1;
      if (page.rows.length < PAGE) break;
    }
    for (const c of connections.values()) {
      const key = `c${c.id}`;
      const finished = c.state === 'closed' || c.state === 'failed';
      if (written.has(key) || (!finished && !final)) continue;
      written.add(key);
      if (finished) io.err(connectionLine(c));
      if (file) file.connection(await capture.getConnection(c.id));
    }
    for (const e of exchanges.values()) {
      const key = `h${e.id}`;
      if (written.has(key) || (e.endedAt === null && !final)) continue;
      written.add(key);
      if (file) file.http(e);
    }
    file?.flush();
    reportFileError();
  };
  let fileFailed = false;
  const reportFileError = (): void => {
    if (file?.error == null || fileFailed) return;
    fileFailed = true;
    io.err(`framescope capture: cannot write ${outPath}: ${terminalText(file.error.message)}. The file ends there; the capture goes on.`);
  };
  let chain = Promise.resolve();
  const unsubscribeNotices = bus.subscribe((events) => {
    for (const e of events) if (e.type === 'notice') io.err(terminalText(e.message));
  });
  const unsubscribe = capture.subscribeCapture((event) => {
    for (const d of event.deltas) {
      if (d.type === 'connection') connections.set(d.connection.id, d.connection);
      else if (d.type === 'exchange') exchanges.set(d.exchange.id, d.exchange);
    }
    chain = chain.then(() => pump(false)).catch((err: unknown) => io.err(`framescope capture: ${terminalText((err as Error).message)}`));
  });

  await run.until;
  bus.flush();
  unsubscribe();
  unsubscribeNotices();
  await chain;
  await pump(true);
  const captured = (await capture.getStats()).frames;
  unfollow();
  file?.close();
  reportFileError();
  await capture.close();
  bus.close();
  io.err(`Captured ${captured} frames.`);
  // The file the user asked for is incomplete.
  return fileFailed ? 1 : 0;
}


function clock(micros: number): string {
  const d = new Date(Math.floor(micros / 1000));
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(micros % 1_000_000, 6)}`;
}

export function frameLine(f: FrameSummary): string {
  if (f.gap !== undefined) return `${clock(f.time)}  #${f.connectionId}  ${terminalText(f.preview)}`;
  const flags = [f.injected ? 'injected' : '', f.incomplete ? 'incomplete' : '', f.violationCount > 0 ? `${f.violationCount} violation${f.violationCount > 1 ? 's' : ''}` : '']
    .filter(Boolean)
    .join(', ');
  const arrow = f.from === 'client' ? 'client→server' : 'server→client';
  const fin = f.fin ? ' ' : '…';
  return `${clock(f.time)}  #${f.connectionId}  ${arrow}  ${opcodeName(f.opcode).padEnd(12)}${fin}${String(f.payloadLength).padStart(8)} B  ${terminalText(f.preview)}${flags ? `  [${flags}]` : ''}`;
}

/** URL, close reason and error come from peers: each is escaped (terminal-text.ts). */
export function connectionLine(c: ConnectionSummary): string {
  const url = terminalText(c.url);
  const error = c.error === null ? null : terminalText(c.error);
  if (c.state === 'failed') return `#${c.id} ${url || '(no request)'} failed: ${error ?? 'unknown reason'}`;
  const close = c.closeCode !== null ? ` with ${c.closeCode}${c.closeReason ? ` "${terminalText(c.closeReason)}"` : ''}` : '';
  return `#${c.id} ${url} closed${close}${error ? ` (${error})` : ''}`;
}
