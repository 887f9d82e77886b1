// The spill file against the system's own view of it: whether its batches stay in the page cache
// is asked of the kernel (util-linux `fincore`), whether this file system takes direct writes is
// asked of `dd oflag=direct`, where its write buffers start in memory is read from the system calls
// themselves (`strace`), and a disk that refuses writes is a real file size limit (`ulimit -f`) in a
// child process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../proxy/test-peers';
import { GROUP, SpillFile, spillBatches } from './spill-file';

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
      // cache at once, rather than held): the event loop turns between them, as in a relay, and no
      // more than a group waits while another is written.
      if (since > MIB) {
        since = 0;
        while (file.writing >= 2 * GROUP) await new Promise((r) => setTimeout(r, 1));
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
    file.seal(); // as a full segment is: batches waiting for a group go now, and the last one, padded
    await waitFor(() => file.writing === 0, 10_000, 'the background writes');
    const inCache = cached(spillPath(dir));
    // Past the cache: none of the file is cached.
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
    const written = pieces(24 * MIB);
    const at = written.map((p) => file.append(p, new Uint8Array(0), 0, p.length));
    expect(at.every((o) => o >= 0)).toBe(true);
    for (let i = 0; i < written.length; i++) {
      const out = new Uint8Array(written[i]!.length);
      expect(file.read(at[i]!, out.length, out, 0)).toBe(true);
      if (!Buffer.from(out).equals(Buffer.from(written[i]!))) throw new Error(`piece ${i} at ${at[i]} differs`);
    }
    await waitFor(() => file.writing === 0, 10_000, 'the background writes');
    expect(cached(spillPath(dir))).toBeGreaterThan(8 * MIB); // no turn, so no buffer came back: the rest went through the cache
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
        while (file.writing >= 2 * GROUP) await new Promise((r) => setTimeout(r, 1));
      }
    }
    file.seal();
    await waitFor(() => file.writing === 0, 10_000, 'the background writes');
    const sent = { direct: spillBatches.direct - before.direct, writes: spillBatches.writes - before.writes, cached: spillBatches.cached - before.cached };
    // The batch the burst left filling began outside the direct-write buffers: it alone goes through
    // the cache. The rest (8 MiB and the sealed tail) goes past it, GROUP batches to a call.
    if (directWritesIn(dir)) expect(sent).toEqual({ direct: 8, writes: 2, cached: 1 });
    else expect(sent).toMatchObject({ direct: 0 });
    file.close();
  });

  it('sends full batches to the disk a group at a time, one call each, and sends what waits for a group when sealed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-spill-'));
    const direct = directWritesIn(dir);
    const file = new SpillFile(dir);
    const before = { ...spillBatches };
    const sent = (): { direct: number; writes: number; cached: number } => ({
      direct: spillBatches.direct - before.direct,
      writes: spillBatches.writes - before.writes,
      cached: spillBatches.cached - before.cached,
    });
    const batches: Uint8Array[] = [];
    const append = async (n: number): Promise<void> => {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + batches.length) & 0xff);
      expect(file.append(bytes, new Uint8Array(0), 0, n)).toBe(batches.reduce((sum, b) => sum + b.length, 0));
      batches.push(bytes);
      await new Promise((r) => setTimeout(r, 20)); // turns of the event loop, time for any write to start
    };
    const readsBack = (): boolean => {
      let at = 0;
      return batches.every((b) => {
        const out = new Uint8Array(b.length);
        const ok = file.read(at, b.length, out, 0) && Buffer.from(out).equals(Buffer.from(b));
        at += b.length;
        return ok;
      });
    };
    for (let k = 1; k < GROUP; k++) await append(MIB);
    if (!direct) {
      expect(sent()).toEqual({ direct: 0, writes: 0, cached: GROUP - 1 }); // through the cache, one batch at a time
      file.close();
      return;
    }
    // A group less one: the batches wait in their buffers, and read back from there.
    expect(sent()).toEqual({ direct: 0, writes: 0, cached: 0 });
    expect(file.writing).toBe(GROUP - 1);
    expect(readsBack()).toBe(true);
    await append(MIB);
    expect(sent()).toEqual({ direct: GROUP, writes: 1, cached: 0 });
    await waitFor(() => file.writing === 0, 10_000, 'the group to be written');
    await append(MIB);
    await append(MIB / 2); // the batch filling: not sent until full, or sealed
    expect(sent()).toEqual({ direct: GROUP, writes: 1, cached: 0 });
    file.seal();
    expect(sent()).toEqual({ direct: GROUP + 2, writes: 2, cached: 0 });
    await waitFor(() => file.writing === 0, 10_000, 'the sealed tail to be written');
    expect(cached(spillPath(dir))).toBe(0); // before reading: reads do go through the cache
    expect(readsBack()).toBe(true);
    file.close();
  });

  it('writes past the page cache from buffers that start on a page, as the system calls show', () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-spill-'));
    // A disk with 512-byte logical blocks takes any 512-aligned buffer, but one that does not start
    // on a page made each write here 30 times slower. The first 4 KiB write that succeeds is the
    // check of the buffers' start; a group of batches goes as one pwritev (strace shows no buffer
    // addresses there), and the sealed half batch after it alone, as a pwrite64 from its buffer.
    const trace = join(dir, 'strace.txt');
    const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=pwrite64', '-e', 'raw=pwrite64', '-e', 'signal=none', '-o', trace, process.execPath, '--import', 'tsx', WRITER, dir, String(GROUP * MIB + MIB / 2)], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ failed: false, refused: 0 });
    const writes = readFileSync(trace, 'utf8')
      .split('\n')
      .map((line) => /pwrite64\((\w+), (\w+), (\w+), (\w+)\) = (0x[0-9a-f]+)/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ fd: m[1], address: BigInt(m[2]!), length: Number(m[3]) }));
    if (!directWritesIn(dir)) return expect(writes.some((w) => w.length === 4096)).toBe(false); // no direct descriptor to check
    const checks = writes.filter((w) => w.length === 4096);
    expect(checks).toHaveLength(1); // one check, made once per process
    const direct = writes.filter((w) => w.fd === checks[0]!.fd);
    expect(direct.length).toBe(2); // the check and the sealed tail
    expect(direct.map((w) => w.address % 4096n)).toEqual(direct.map(() => 0n));
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
