// "Open a browser": Chromium or Chrome from this machine, with a fresh temporary profile, the
// forward proxy, loopback traffic sent to it too (Chromium bypasses proxies for localhost unless
// told `--proxy-bypass-list=<-loopback>`), and this install's CA trusted for that profile only, by
// the SHA-256 of its public key (Chromium honours --ignore-certificate-errors-spki-list only with
// its own --user-data-dir, so the user's own profile never trusts it).
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'];
const FIXED = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_BROWSER =
  'No Chromium or Chrome was found on this machine. Install one (Debian/Ubuntu: sudo apt install chromium; ' +
  'macOS: brew install --cask chromium; Windows: https://www.google.com/chrome/) or name it with FRAMESCOPE_BROWSER=/path/to/chrome.';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to launch: FRAMESCOPE_BROWSER, then the usual names on PATH, then the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.FRAMESCOPE_BROWSER;
  if (named) return executable(named) ? named : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (dir !== '' && executable(path)) return path;
    }
  }
  return FIXED.find(executable) ?? null;
}

export interface BrowserLaunch {
  executable: string;
  proxyUrl: string;
  /** base64 SHA-256 SPKI hashes to trust (the CA's). */
  spki: readonly string[];
  url?: string;
  headless?: boolean;
  extraArgs?: readonly string[];
}

export function chromiumArgs(launch: BrowserLaunch, profileDir: string): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    `--proxy-server=${launch.proxyUrl}`,
    '--proxy-bypass-list=<-loopback>',
    `--ignore-certificate-errors-spki-list=${launch.spki.join(',')}`,
    '--no-first-run',
    '--no-default-browser-check',
    // The browser's own background traffic (component updates, sync, the Google account check)
    // would fill the user's capture with connections they did not make.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(launch.headless ? ['--headless=new'] : []),
    ...(launch.extraArgs ?? []),
    launch.url ?? 'about:blank',
  ];
}

/** Starts the browser; its temporary profile is removed when it exits. */
export function launchChromium(launch: BrowserLaunch): { child: ChildProcess; exited: Promise<number | null> } {
  const profile = mkdtempSync(join(tmpdir(), 'framescope-browser-'));
  const child = spawn(launch.executable, chromiumArgs(launch, profile), { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('exit', (code) => resolve(code));
  }).then(async (code) => {
    // The browser's helper processes may still be writing to the profile as the main one exits
    // (ENOTEMPTY): retry for a while, and never let a leftover folder become an engine error.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
    return code;
  });
  return { child, exited };
}
