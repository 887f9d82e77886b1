// `framescope ca` and `framescope env` against a real data folder (FRAMESCOPE_DATA_DIR): the CA is
// made once and kept, exported without its key, reset on request; env's variables make curl
// trust it through the proxy.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main';

const run = promisify(execFile);

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`), interrupted: Promise.resolve(), stdin: process.stdin });
  return { code, out, err };
}

describe('framescope ca and env', () => {
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-ca-'));
    saved = process.env.FRAMESCOPE_DATA_DIR;
    process.env.FRAMESCOPE_DATA_DIR = join(dir, 'data');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.FRAMESCOPE_DATA_DIR;
    else process.env.FRAMESCOPE_DATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes the CA once, exports only its certificate, and resets it on request', async () => {
    const first = await runCli(['ca']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Certificate: .*framescope-ca\.pem\nSubject: +CN=Framescope CA/);
    const spki = /SPKI hash: +(\S+)/.exec(first.out)![1];
    expect(statSync(join(dir, 'data', 'tls', 'framescope-ca.key')).mode & 0o777).toBe(0o600);
    expect(/SPKI hash: +(\S+)/.exec((await runCli(['ca'])).out)![1]).toBe(spki); // kept, not remade

    const exported = await runCli(['ca', '--export', join(dir, 'out.pem')]);
    expect(exported.code).toBe(0);
    const pem = readFileSync(join(dir, 'out.pem'), 'utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[^]*-----END CERTIFICATE-----\n$/);
    expect(pem).not.toMatch(/PRIVATE KEY/);

    const reset = await runCli(['ca', '--reset']);
    expect(reset.err).toContain('Made a new CA');
    expect(/SPKI hash: +(\S+)/.exec(reset.out)![1]).not.toBe(spki);
    expect((await runCli(['ca', '--bogus'])).code).toBe(2);
  });

  it('prints shell exports that a POSIX shell accepts', async () => {
    const { code, out } = await runCli(['env', '--proxy', 'http://127.0.0.1:9']);
    expect(code).toBe(0);
    const { stdout } = await run('/bin/sh', ['-c', `${out}\nprintf '%s|%s|%s' "$HTTPS_PROXY" "$NODE_EXTRA_CA_CERTS" "$REQUESTS_CA_BUNDLE"`]);
    const [proxy, ca, bundle] = stdout.split('|');
    expect(proxy).toBe('http://127.0.0.1:9');
    expect(readFileSync(ca!, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // The bundle is the usual roots plus the CA, so Python and curl still trust everything else.
    expect(readFileSync(bundle!, 'utf8').split('BEGIN CERTIFICATE').length).toBeGreaterThan(50);
    expect(readFileSync(bundle!, 'utf8').endsWith(readFileSync(ca!, 'utf8'))).toBe(true);
    expect((await runCli(['env', '--proxy', 'socks5://x'])).code).toBe(2);
  });
});
