// `framescope capture`: the relay and the capture without a window. One line per frame on stdout,
// connection news on stderr, and with --out a lossless JSON Lines file (mode 0600: captures hold
// secrets). Ctrl-C flushes the file and exits 0. Listening beyond loopback needs --expose
// (listen-policy.ts); --connect-ports widens where a forward proxy's CONNECT may go. The loop
// itself is capture-run.ts (framescope browser runs it too).
import { parseTargetUrl } from '../proxy/target-url';
import { runCapture, tlsFlags } from './capture-run';
import type { Command } from './command';
import { UsageError, hostPort, numberFlag, parseFlags, stringFlag } from './flags';

export const captureCommand: Command = {
  name: 'capture',
  summary: 'relay and capture WebSocket traffic headless, one line per frame (and a JSON Lines file)',
  usage:
    'framescope capture --listen HOST:PORT (--target ws://HOST:PORT[/path] | --forward) [--out FILE.jsonl] [--timeout SECONDS] [--expose] [--connect-ports any|PORT,...] [--upstream-ca FILE] [--insecure-upstream HOST[,HOST…]] [--pass-through HOST[,HOST…]]',
  async run(argv, io) {
    const args = parseFlags(argv, {
      listen: 'string',
      target: 'string',
      forward: 'boolean',
      out: 'string',
      timeout: 'string',
      expose: 'boolean',
      'connect-ports': 'string',
      'upstream-ca': 'string',
      'insecure-upstream': 'string',
      'pass-through': 'string',
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

    return runCapture(io, {
      proxy: {
        mode: forward ? 'forward' : 'reverse',
        listenHost: listen.host,
        listenPort: listen.port,
        ...(target ? { target } : {}),
        ...(args.flags.expose === true ? { exposeToNetwork: true } : {}),
        ...(connectPorts ? { connectPorts } : {}),
      },
      deps: { ...(timeout !== undefined ? { handshakeTimeoutMs: timeout * 1000 } : {}), ...tlsFlags(args) },
      out: outPath,
      until: io.interrupted,
      announce: (status) => (forward ? `Framescope HTTP proxy on ${status.address} (set HTTP_PROXY=${status.address})` : `Framescope relay on ${status.address} → ${target}`),
    });
  },
};

/** --connect-ports: 'any' or a comma-separated list of ports (connect-policy.ts). */
function portList(value: string | undefined): 'any' | number[] | undefined {
  if (value === undefined || value === 'any') return value;
  const ports = value.split(',').map((p) => p.trim());
  if (!ports.every((p) => /^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535)) throw new UsageError('--connect-ports must be any or ports like 443,8080');
  return ports.map(Number);
}
