import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../engine';
import { startBrowserServer } from '../host/browser-server';
import { isLoopbackHost } from '../loopback';
import { UI_LANGUAGES, uiLanguage, type UiLanguage } from '../host/ui-language';
import { openInBrowser } from './open-browser';
import type { Command } from './command';
import { UsageError, intFlag, parseFlags, stringFlag, type ParsedArgs } from './flags';

/** `--lang en|zh-CN`: the language the page starts in unless `?lang=` or the user's own choice says otherwise. */
export function langFlag(args: ParsedArgs): UiLanguage | undefined {
  const value = stringFlag(args, 'lang');
  if (value === undefined) return undefined;
  const lang = uiLanguage(value);
  if (lang === null) throw new UsageError(`--lang must be one of ${UI_LANGUAGES.join(', ')}, not ${JSON.stringify(value.slice(0, 40))}`);
  return lang;
}

/** Browser mode's usual port (any free port when it is taken and none was asked for). */
export const DEFAULT_PORT = 4780;

/** The package folder: two up from the build (out/main), three up from the source (electron/engine/cli). */
export const REPO_ROOT = fileURLToPath(['../../', '../../../'].map((rel) => new URL(rel, import.meta.url)).find((u) => existsSync(new URL('package.json', u)))!);
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer') + sep;

/** Browser mode serves the built renderer; build it once when a fresh clone has none. */
export function ensureRendererBuilt(log: (line: string) => void): boolean {
  if (existsSync(`${RENDERER_DIR}index.html`)) return true;
  log('Building the app once (out/)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return result.status === 0 && existsSync(`${RENDERER_DIR}index.html`);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run Framescope in browser mode on http://127.0.0.1:PORT',
  usage: 'framescope serve [--host H] [--port N] [--lang en|zh-CN] [--open] [--require-token]   (default 127.0.0.1:4780)',
  async run(argv, io) {
    const args = parseFlags(argv, { host: 'string', port: 'string', lang: 'string', open: 'boolean', 'require-token': 'boolean' });
    // On loopback the page hands out the token to whoever loads it; on a shared machine, ask for the URL's.
    const requireToken = args.flags['require-token'] === true;
    const host = stringFlag(args, 'host') ?? '127.0.0.1';
    const explicitPort = intFlag(args, 'port', 0, 65535);
    const lang = langFlag(args);
    if (!ensureRendererBuilt(io.err)) {
      io.err('framescope: the renderer build failed; run `npm run build` to see why.');
      return 1;
    }
    const engine = new Engine({ host: 'browser' });
    let server;
    try {
      server = await startBrowserServer({ engine, rendererDir: RENDERER_DIR, host, port: explicitPort ?? DEFAULT_PORT, requireToken, lang });
    } catch (err) {
      // A stable default port is friendlier (bookmarks, a projector); when it is taken, any free port will do.
      const busy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' && explicitPort === undefined;
      server = busy ? await startBrowserServer({ engine, rendererDir: RENDERER_DIR, host, port: 0, requireToken, lang }).catch(() => null) : null;
      if (!server) {
        await engine.close();
        io.err(`framescope: cannot listen on ${host}:${explicitPort ?? DEFAULT_PORT}: ${(err as Error).message}`);
        return 1;
      }
    }
    io.out(`Framescope is running at ${server.url}`);
    if (!isLoopbackHost(host)) io.out('This address is reachable from other machines: share the URL above only with people you trust.');
    else if (server.tokenInUrl) io.out('Open the URL above, token included: this server asks every request for it.');
    if (args.flags.open) openInBrowser(server.url, io.err);
    await io.interrupted;
    await server.close();
    await engine.close();
    return 0;
  },
};
