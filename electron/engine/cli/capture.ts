// `framescope capture`: the relay and the capture without a window. One line per frame on stdout,
// connection news on stderr, and with --out a lossless JSON Lines file (mode 0600: captures hold
// secrets). Ctrl-C flushes the file and exits 0. Listening beyond loopback needs --expose
// (listen-policy.ts); --connect-ports widens where a forward proxy's CONNECT may go.
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSummary, FrameSummary, HttpExchange } from '../../../shared/model';
import { opcodeName } from '../../../shared/protocol/index';
import { CaptureService } from '../capture/capture-service';
import { resolveDataDir } from '../data-dir';
import { EventBus } from '../event-bus';
import { parseTargetUrl } from '../proxy/target-url';
import { CaptureFile } from './capture-file';
import type { Command } from './command';
import { UsageError, hostPort, numberFlag, parseFlags, stringFlag } from './flags';
import { terminalText } from './terminal-text';

const PAGE = 5000;

export const captureCommand: Command = {
  name: 'capture',
  summary: 'relay and capture WebSocket traffic headless, one line per frame (and a JSON Lines file)',
  usage:
    'framescope capture --listen HOST:PORT (--target ws://HOST:PORT[/path] | --forward) [--out FILE.jsonl] [--timeout SECONDS] [--expose] [--connect-ports any|PORT,...]',
  async run(argv, io) {
    const args = parseFlags(argv, {
      listen: 'string',
      target: 'string',
      forward: 'boolean',
      out: 'string',
      timeout: 'string',
      expose: 'boolean',
      'connect-ports': 'string',
    });
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const listenValue = stringFlag(args, 'listen');
    if (listenValue === undefined) throw new UsageError('--listen HOST:PORT is required');
    const listen = hostPort(listenValue, '--listen');
    const target = stringFlag(args, 'target');
    const forward = args.flags.forward === true;
    if (forward === (target !== undefined)) throw new UsageError('give either --target ws://HOST:PORT (reverse proxy) or --forward (HTTP proxy)');
    if (target !== undefined) {
      try {
        parseTargetUrl(target);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    }
    const timeout = numberFlag(args, 'timeout', 0.001, 3600);
    const connectPorts = portList(stringFlag(args, 'connect-ports'));
    const outPath = stringFlag(args, 'out');

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
    const capture = new CaptureService({ bus, dataDir: resolveDataDir(), ...(timeout !== undefined ? { handshakeTimeoutMs: timeout * 1000 } : {}) });
    let proxyAddress: string;
    try {
      const status = await capture.startProxy({
        mode: forward ? 'forward' : 'reverse',
        listenHost: listen.host,
        listenPort: listen.port,
        ...(target ? { target } : {}),
        ...(args.flags.expose === true ? { exposeToNetwork: true } : {}),
        ...(connectPorts ? { connectPorts } : {}),
      });
      proxyAddress = status.address;
      if (status.exposed) io.err(`Warning: listening on ${listen.host}: other machines can use this proxy and read what it captures.`);
    } catch (err) {
      await capture.close();
      file?.close();
      io.err(`framescope capture: ${terminalText(err instanceof FramescopeError ? err.message : (err as Error).message)}`);
      return 1;
    }
    io.err(forward ? `Framescope HTTP proxy on ${proxyAddress} (set HTTP_PROXY=${proxyAddress})` : `Framescope relay on ${proxyAddress} → ${target}`);
    if (file) io.err(`Writing the capture to ${outPath}`);

    // The change feed says what changed; the frames themselves are read in pages by position.
    const written = new Set<string>();
    let next = 0;
    const connections = new Map<number, ConnectionSummary>();
    const exchanges = new Map<number, HttpExchange>();
    const pump = async (final: boolean): Promise<void> => {
      for (;;) {
        const page = await capture.queryFrames({ start: next, count: PAGE });
        for (const row of page.rows) {
          io.out(frameLine(row));
          // Gap rows (frames that passed unrecorded) are the capture's own notes, not frames of the file.
          if (file && row.gap === undefined) file.frame(capture.store, row.id);
        }
        next += page.rows.length;
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

    await io.interrupted;
    bus.flush();
    unsubscribe();
    unsubscribeNotices();
    await chain;
    await pump(true);
    const captured = (await capture.getStats()).frames;
    file?.close();
    await capture.close();
    bus.close();
    io.err(`Captured ${captured} frames.`);
    return 0;
  },
};

/** --connect-ports: 'any' or a comma-separated list of ports (connect-policy.ts). */
function portList(value: string | undefined): 'any' | number[] | undefined {
  if (value === undefined || value === 'any') return value;
  const ports = value.split(',').map((p) => p.trim());
  if (!ports.every((p) => /^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535)) throw new UsageError('--connect-ports must be any or ports like 443,8080');
  return ports.map(Number);
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
