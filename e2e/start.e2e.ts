// `npm start` where Electron's binary is absent (this machine, CI): one clear line, then browser mode.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const START = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));

describe('npm start without an Electron binary', () => {
  it('says so in one line and serves the app in browser mode on 127.0.0.1', async () => {
    // The download attempt is skipped here: this test is about what follows when there is no binary.
    const child = spawn(process.execPath, [START, '--port', '0'], {
      env: { ...process.env, FRAMESCOPE_NO_ELECTRON_DOWNLOAD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; output so far:\n${out}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /Framescope is running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
      });
      const lines = out.trim().split('\n');
      expect(lines[0]).toBe('Electron is not installed here (its binary could not be downloaded), so Framescope opens in browser mode instead.');
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Framescope</title>');
    } finally {
      child.kill('SIGINT');
    }
  });
});
