// The contract's one-click clients (issue 14): "Open a browser" starts the Chromium or Chrome found
// on this machine with a fresh profile that uses a running forward proxy and trusts this install's
// CA by its SPKI hash (browser-launch.ts); "Open a terminal" starts the system's terminal emulator
// with the proxy and CA variables set (client-env.ts), and always returns the `export` lines, so
// where no terminal can be started the user copies them.
import type { ChildProcess } from 'node:child_process';
import type { ProxyStatus } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import type { LaunchApi, OpenBrowserOptions, OpenBrowserResult, OpenTerminalResult } from '../../../shared/api/launch';
import { findChromium, launchChromium } from './browser-launch';
import { loadCa, spkiHash } from './ca-store';
import { proxyEnvironment, shellExports, writeCaBundle } from './client-env';
import { launchTerminal } from './terminal-launch';

export interface LaunchDeps {
  dataDir: string;
  listProxies(): Promise<ProxyStatus[]>;
  env?: NodeJS.ProcessEnv;
  /** Chromium flags added to every launch (tests, or a machine that needs --no-sandbox). */
  browserArgs?: readonly string[];
}

export class LaunchService implements LaunchApi {
  private readonly browsers = new Map<number, { child: ChildProcess; exited: Promise<number | null> }>();
  private nextBrowserId = 1;

  constructor(private readonly deps: LaunchDeps) {}

  private async forwardProxy(proxyId: number): Promise<ProxyStatus> {
    const proxy = (await this.deps.listProxies()).find((p) => p.id === proxyId);
    if (proxy === undefined) throw new FramescopeError('not-found', `No proxy ${String(proxyId)}.`);
    if (proxy.mode !== 'forward') throw new FramescopeError('invalid', 'A browser or a terminal can only be captured through a forward proxy; start one first.');
    return proxy;
  }

  async openBrowser(options: OpenBrowserOptions): Promise<OpenBrowserResult> {
    const proxy = await this.forwardProxy(options.proxyId);
    const url = options.url ?? 'about:blank';
    if (!/^(https?|wss?):\/\/\S+$|^about:blank$/.test(url)) throw new FramescopeError('invalid', 'The page to open must be an http:// or https:// address.');
    const env = this.deps.env ?? process.env;
    const executable = findChromium(env);
    if (executable === null) return { launched: false, reason: 'no-browser' };
    const ca = loadCa(this.deps.dataDir);
    // FRAMESCOPE_BROWSER_HEADLESS=1 (read by the engine only): every browser starts headless, for
    // tests and for machines without a display, whatever the caller asked.
    const headless = options.headless === true || env.FRAMESCOPE_BROWSER_HEADLESS === '1';
    const launched = launchChromium({ executable, proxyUrl: proxy.address.replace(/\/$/, ''), spki: [spkiHash(ca.certificate)], url, headless, extraArgs: this.deps.browserArgs ?? [] });
    const id = this.nextBrowserId++;
    this.browsers.set(id, launched);
    void launched.exited.then(() => this.browsers.delete(id));
    return { launched: true, browserId: id, executable };
  }

  async closeBrowser(browserId: number): Promise<void> {
    const b = this.browsers.get(browserId);
    if (b === undefined) return;
    b.child.kill();
    await b.exited;
  }

  async openTerminal(options: { proxyId: number }): Promise<OpenTerminalResult> {
    const proxy = await this.forwardProxy(options.proxyId);
    const ca = loadCa(this.deps.dataDir);
    const env = proxyEnvironment(proxy.address.replace(/\/$/, ''), ca.certPath, writeCaBundle(this.deps.dataDir, ca));
    const terminal = launchTerminal(env, this.deps.env ?? process.env);
    return { terminal, exports: shellExports(env), env };
  }

  async close(): Promise<void> {
    await Promise.all([...this.browsers.keys()].map((id) => this.closeBrowser(id)));
  }
}
