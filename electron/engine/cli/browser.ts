// `framescope browser`: a forward proxy with capture (as `framescope capture --forward` prints it)
// and a Chromium from this machine that goes through it, trusting this install's CA for its
// temporary profile only. Stops when the browser exits or on Ctrl-C.
import { resolveDataDir } from '../data-dir';
import { loadCa } from '../tls/ca-store';
import { NO_BROWSER, findChromium, launchChromium } from '../tls/browser-launch';
import { runCapture, tlsFlags } from './capture-run';
import type { Command } from './command';
import { UsageError, hostPort, parseFlags, stringFlag } from './flags';

export const browserCommand: Command = {
  name: 'browser',
  summary: 'open Chromium/Chrome through a capturing forward proxy that it trusts (temporary profile)',
  usage: 'framescope browser [URL] [--headless] [--listen HOST:PORT] [--out FILE.jsonl] [--upstream-ca FILE] [--insecure-upstream HOST] [-- CHROMIUM-FLAGS…]',
  async run(argv, io) {
    const split = argv.indexOf('--');
    const extraArgs = split >= 0 ? argv.slice(split + 1) : [];
    const args = parseFlags(split >= 0 ? argv.slice(0, split) : argv, {
      headless: 'boolean',
      listen: 'string',
      out: 'string',
      'upstream-ca': 'string',
      'insecure-upstream': 'string',
      'pass-through': 'string',
    });
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument ${args.positionals[1]}`);
    const url = args.positionals[0];
    if (url !== undefined && !/^(https?|wss?):\/\/|^about:/.test(url)) throw new UsageError(`"${url}" is not an http(s):// URL`);
    const listen = hostPort(stringFlag(args, 'listen') ?? '127.0.0.1:0', '--listen');
    const executable = findChromium();
    if (executable === null) {
      io.err(`framescope browser: ${NO_BROWSER}`);
      return 1;
    }
    const ca = loadCa(resolveDataDir());
    let browserExited: () => void = () => {};
    const exited = new Promise<void>((resolve) => (browserExited = resolve));
    let stopBrowser: () => void = () => {};
    const code = await runCapture(io, {
      proxy: { mode: 'forward', listenHost: listen.host, listenPort: listen.port },
      deps: tlsFlags(args),
      out: stringFlag(args, 'out'),
      until: Promise.race([io.interrupted, exited]),
      announce: (status) => `Framescope HTTP proxy on ${status.address}; starting ${executable}`,
      started: (status) => {
        const browser = launchChromium({ executable, proxyUrl: status.address, spki: [ca.spkiHash], url, headless: args.flags.headless === true, extraArgs });
        // Chromium says where its DevTools listen (with --remote-debugging-port): pass that on.
        browser.child.stderr?.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) if (line.startsWith('DevTools listening on ')) io.err(line);
        });
        stopBrowser = () => browser.child.kill();
        void browser.exited.then(() => browserExited());
      },
    });
    stopBrowser();
    return code;
  },
};
