import { spawn } from 'node:child_process';

/** Opens a URL in the user's browser; says so in one line when it cannot. */
export function openInBrowser(url: string, err: (line: string) => void): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => err(`framescope: could not open a browser; visit ${url}`));
    child.unref();
  } catch {
    err(`framescope: could not open a browser; visit ${url}`);
  }
}
