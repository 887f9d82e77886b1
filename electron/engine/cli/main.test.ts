import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const BIN = fileURLToPath(new URL('../../../bin/framescope.mjs', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (l) => (out += `${l}\n`),
    err: (l) => (err += `${l}\n`),
    interrupted: Promise.resolve(),
    stdin: process.stdin,
  });
  return { code, out, err };
}

describe('framescope CLI', () => {
  it('lists its commands with --help', async () => {
    const { code, out } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: framescope <command>');
    expect(out).toMatch(/\n {2}serve +run Framescope in browser mode/);
  });

  it('prints the package version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, out: `${VERSION}\n` });
  });

  it('rejects unknown commands and bad flags with one line and exit 2', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    expect(unknown.err).toContain("unknown command 'frobnicate'");

    const badFlag = await runCli(['serve', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.err.trim().split('\n')).toHaveLength(1);
    expect(badFlag.err).toContain('unknown flag --colour');

    const badPort = await runCli(['serve', '--port', 'http']);
    expect(badPort.code).toBe(2);
    expect(badPort.err).toContain('--port must be a whole number');

    const badLang = await runCli(['serve', '--lang', 'fr']);
    expect(badLang.code).toBe(2);
    expect(badLang.err).toContain('--lang must be one of en, zh-CN, not "fr"');
  });

  it('runs from the repository through npx-style bin without a build step', () => {
    const result = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
    const bad = spawnSync(process.execPath, [BIN, 'nope'], { encoding: 'utf8', timeout: 20_000 });
    expect(bad.status).toBe(2);
  });
});
