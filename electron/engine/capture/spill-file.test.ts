// The spill file against the system's own view of it: whether its batches stay in the page cache
// is asked of the kernel (util-linux `fincore`), whether this file system takes direct writes is
// asked of `dd oflag=direct`, and a disk that refuses writes is a real file size limit (`ulimit -f`)
// in a child process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../proxy/test-peers';
import { SpillFile, spillBatches } from './spill-file';

const MIB = 1024 * 1024;
const WRITER = fileURLToPath(new URL('./fixtures/spill-writer.ts', import.meta.url));

/** Bytes of `path` the kernel holds in its page cache. */
function cached(path: string): number {
  return Number(execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', path]).toString().trim());
}

/** This process's descriptor of the (unlinked) spill file in `dir`, as a path another process can open. */
function spillPath(dir: string): string {
  const fd = readdirSync('/proc/self/fd').find((n) => {
    try {
      return readlinkSync(join('/proc/self/fd', n)).startsWith(join(dir, 'capture-spill-'));
    } catch {
      return false;
    }
  });
  if (fd === undefined) throw new Error('no spill file is open');
  return `/proc/${process.pid}/fd/${fd}`;
}

/** Pseudo-random pieces of up to 50 KB, and every 200th of 2.5 MiB: ranges that cross from one batch into the next. */
/**
 * Whether `dir` takes writes past the page cache, asked of `dd`. Direct writes to tmpfs still land
 * in memory (its files are page cache): only a disk is bypassed.
 */
function directWritesIn(dir: string): boolean {
  const onDisk = execFileSync('stat', ['-f', '-c', '%T', dir]).toString().trim() !== 'tmpfs';
  return onDisk && spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'direct.bin')}`, 'bs=4096', 'count=1', 'oflag=direct']).status === 0;
}

function pieces(total: number): Uint8Array[] {
  let seed = 11;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0);
  const out: Uint8Array[] = [];
  for (let n = 0; n < total; ) {
    const p = new Uint8Array(out.length % 200 === 199 ? 2.5 * MIB : 1 + (next() % 50_000));
    for (let i = 0; i < p.length; i++) p[i] = next() >>> 24;
    out.push(p);
    n += p.length;
  }
  return out;
}

describe('spill file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes its batches past the page cache where the file system allows it, and reads every byte back, during the writes and after', async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-spill-'));
    // The oracle's own check: a file written through the cache shows in fincore.
    writeFileSync(join(dir, 'cached.bin'), Buffer.alloc(4 * MIB, 1));
    expect(cached(join(dir, 'cached.bin'))).toBe(4 * MIB);
    const direct = directWritesIn(dir);

    const file = new SpillFile(dir);
    const written = pieces(24 * MIB);
    const at: number[] = [];
    let since = 0;
    for (const p of written) {
      at.push(file.append(p, new Uint8Array(0), 0, p.length));
      since += p.length;
      // Appends at a pace the disk keeps up with (when it does not, a batch is written through the
      // cache at once, rather than held): the event loop turns between them, as in a relay.
      if (since > MIB) {
        since = 0;
        while (file.writing > 1) await new Promise((r) => setTimeout(r, 1));
      }
    }
    // A last 2.5 MiB with no turn after it: its full batches cannot have been written yet.
    const tail = new Uint8Array(2.5 * MIB).map((_, i) => (i * 7) & 0xff);
    written.push(tail);
    at.push(file.append(tail, new Uint8Array(0), 0, tail.length));
    expect(at.every((o) => o >= 0)).toBe(true);
    const readBack = (from: number): number => {
      let exact = 0;
      for (let i = from; i < written.length; i++) {
        const out = new Uint8Array(written[i]!.length);
        if (file.read(at[i]!, out.length, out, 0) && Buffer.from(out).equals(Buffer.from(written[i]!))) exact++;
      }
      return exact;
    };
    // The last 2 MiB: batches still on their way to the disk, and the one filling, read from memory.
    const recent = at.findIndex((o) => o >= at[at.length - 1]! - 2 * MIB);
    if (direct) expect(file.writing).toBeGreaterThan(0);
    expect(readBack(recent)).toBe(written.length - recent);
    await waitFor(() => file.writing === 0, 10_000, 'the background writes');
    const inCache = cached(spillPath(dir));
    // Past the cache: only the batch still filling is in memory, and none of the file is cached.
    // Through it (no O_DIRECT here): every byte written is.
    if (direct) expect(inCache).toBeLessThan(MIB);
    else expect(inCache).toBeGreaterThan(20 * MIB);
    expect(readBack(0)).toBe(written.length);
    file.close();
    await waitFor(() => !readdirSync('/proc/self/fd').some((n) => {
      try {
        return readlinkSync(join('/proc/self/fd', n)).startsWith(join(dir, 'capture-spill-'));
      } catch {
        return false;
      }
    }), 5000, 'the spill file to close');
  });

  it('spills a burst with no event-loop turn whole: batches past the direct-write buffers go through the page cache at once, and later ones past it again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-spill-'));
    const file = new SpillFile(dir);
    const written = pieces(16 * MIB);
    const at = written.map((p) => file.append(p, new Uint8Array(0), 0, p.length));
    expect(at.every((o) => o >= 0)).toBe(true);
    for (let i = 0; i < written.length; i++) {
      const out = new Uint8Array(written[i]!.length);
      expect(file.read(at[i]!, out.length, out, 0)).toBe(true);
      if (!Buffer.from(out).equals(Buffer.from(written[i]!))) throw new Error(`piece ${i} at ${at[i]} differs`);
    }
    await waitFor(() => file.writing === 0, 10_000, 'the background writes');
    expect(cached(spillPath(dir))).toBeGreaterThan(4 * MIB); // no turn, so no buffer came back: the rest went through the cache
    // Once the disk has caught up, batches go past the cache again.
    const before = { ...spillBatches };
    const more = pieces(8 * MIB);
    let since = 0;
    for (const p of more) {
      const at = file.append(p, new Uint8Array(0), 0, p.length);
      const out = new Uint8Array(p.length);
      expect(at >= 0 && file.read(at, p.length, out, 0) && Buffer.from(out).equals(Buffer.from(p))).toBe(true);
      since += p.length;
      if (since > MIB) {
        since = 0;
        while (file.writing > 1) await new Promise((r) => setTimeout(r, 1));
      }
    }
    const sent = { direct: spillBatches.direct - before.direct, cached: spillBatches.cached - before.cached };
    // The batch the burst left filling began outside the direct-write buffers: it alone goes through the cache.
    if (directWritesIn(dir)) expect(sent).toEqual({ direct: 7, cached: 1 });
    else expect(sent).toMatchObject({ direct: 0 });
    file.close();
  });

  it('keeps in memory a batch the disk refuses, takes no more appends, and loses nothing it took', () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-spill-'));
    const run = (limit: string): { kept: number; exact: number; refused: number; failed: boolean } => {
      // ulimit -f counts KiB; Node ignores SIGXFSZ, so a write past the limit fails with EFBIG, as on a full disk.
      const r = spawnSync('bash', ['-c', `ulimit -f ${limit}; exec "$0" "$@"`, process.execPath, '--import', 'tsx', WRITER, dir, String(16 * MIB)], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { kept: number; exact: number; refused: number; failed: boolean };
    };
    const limited = run('2048'); // 2 MiB of file for 16 MiB of appends
    expect(limited.failed).toBe(true);
    expect(limited.refused).toBeGreaterThan(0);
    expect(limited.exact).toBe(limited.kept);
    expect(limited.kept).toBeGreaterThan(40); // more than the 2 MiB that reached the file: the rest is held
    const free = run('unlimited');
    expect(free).toMatchObject({ failed: false, refused: 0 });
    expect(free.exact).toBe(free.kept);
  });
});
