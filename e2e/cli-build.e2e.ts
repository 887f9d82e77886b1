// The built CLI (out/main/cli.js, from `npm run build`) runs without tsx: what an installed
// package runs, where devDependencies are absent. bin/framescope.mjs picks it with FRAMESCOPE_CLI=built.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT_MAIN = join(ROOT, 'out', 'main');
const BIN = join(ROOT, 'bin', 'framescope.mjs');

describe('the built CLI', () => {
  it('imports no tsx and prints its version', () => {
    const files = ['cli.js', ...readdirSync(join(OUT_MAIN, 'chunks')).map((f) => join('chunks', f))];
    for (const f of files) expect(readFileSync(join(OUT_MAIN, f), 'utf8'), f).not.toMatch(/from ["']tsx/);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const result = spawnSync(process.execPath, [join(OUT_MAIN, 'cli.js'), '--version'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.stdout.trim()).toBe(version);
  });

  it('serves browser mode through bin/framescope.mjs, the page setting the token cookie', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: { ...process.env, FRAMESCOPE_CLI: 'built' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect.poll(() => /Framescope is running at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out), { timeout: 30_000 }).not.toBeNull();
      const url = /Framescope is running at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)![1]!;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toMatch(/^framescope_token=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    } finally {
      child.kill('SIGINT');
    }
  });
});
