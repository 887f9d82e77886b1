// permessage-deflate decompression for one direction of a connection (RFC 7692 §7.2.2): ONE
// streaming raw-inflate stream (node:zlib, async, off the event loop) fed frame by frame, for
// the life of the connection, so the sliding window stays right whatever the message size and
// whatever the capture keeps. Messages are inflated one at a time, in order; each one's output
// goes to its own sink and ends with a sync flush after the 00 00 ff ff tail.
import { constants, createInflateRaw, type InflateRaw } from 'node:zlib';
import type { InflateEnd, InflateSink, StreamInflater } from '../../../shared/protocol/index';

const TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);
/**
 * Two empty stored blocks (BFINAL 0, BTYPE 00, LEN 0, NLEN ffff). A message ends with an empty
 * stored block whose LEN/NLEN the tail supplies (RFC 7692 §7.2.1), so after the tail a whole
 * message leaves the inflater at a block boundary, where these bytes are two more empty blocks: no
 * output, nothing added to the window. A message cut short leaves it inside a Huffman-coded block,
 * where the same bits decode as literals, a match or an invalid code: output or an error, which is
 * how a truncated message is told from a whole one (zlib itself just waits for more input).
 */
const PROBE = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0xff, 0xff]);
const TRUNCATED = 'The compressed data stops inside a DEFLATE block: the message was cut short or is corrupt.';
/** Output per 'data' event: bounds the work one event does on the event loop (UTF-8 check, copy). */
const OUTPUT_CHUNK = 64 * 1024;
/**
 * Compressed bytes a message may gather before they go to zlib. Every write to a zlib stream is one
 * trip through libuv's thread pool, which cost about 35 µs of CPU on the test VM whatever its size: a
 * message was 5 trips (its bytes, the tail, a flush, the probe, a flush) and a recording relay
 * spent 440 µs per compressed echo, 6.6x a bare pipe. Now the stream flushes on every write, a
 * message's bytes and tail go in one write, and the probe in another: 2 trips. Past this many bytes
 * the message streams in as it arrives, so a large one is never held whole.
 */
const GATHER = 64 * 1024;

interface Job {
  sink: InflateSink;
  /** Compressed bytes not yet written to zlib (gathered so the last of them go with the tail). */
  waiting: Uint8Array[];
  waitingBytes: number;
  written: number;
  /** The last compressed byte written (see the BFINAL rule in flush()). */
  lastByte: number;
  ended: boolean;
  abandoned: string | null;
  done: boolean;
}

export interface StreamInflaterOptions {
  /** The sender resets its window after every message (RFC 7692 §7.1.1). */
  noContextTakeover: boolean;
  /** The sender's negotiated window (RFC 7692 §7.1.2); a stream that reaches further back is corrupt. */
  windowBits?: number;
}

export function createStreamInflater(options: StreamInflaterOptions): StreamInflater {
  return new ZlibStreamInflater(options.noContextTakeover, options.windowBits ?? 15);
}

class ZlibStreamInflater implements StreamInflater {
  private z: InflateRaw | null = null;
  /** Jobs in order; queue[0] is the one in zlib once activated. */
  private readonly queue: Job[] = [];
  private active: Job | null = null;
  /** The job the assembler is feeding (the newest begun). */
  private feeding: Job | null = null;
  private consumedAtStart = 0;
  /** With context takeover, why later messages cannot be inflated any more. */
  private lost: string | null = null;
  /** The job whose end is being checked with PROBE, and the bytes the probe produced. */
  private probing: { job: Job; output: number } | null = null;

  constructor(
    private readonly noContextTakeover: boolean,
    private readonly windowBits: number,
  ) {}

  begin(sink: InflateSink): void {
    const job: Job = { sink, waiting: [], waitingBytes: 0, written: 0, lastByte: -1, ended: false, abandoned: null, done: false };
    this.queue.push(job);
    this.feeding = job;
    if (this.active === null) this.next();
  }

  write(bytes: Uint8Array): void {
    const job = this.feeding;
    if (job === null || job.ended || job.done) return;
    job.written += bytes.length;
    if (bytes.length === 0) return;
    job.lastByte = bytes[bytes.length - 1] as number;
    job.waiting.push(bytes);
    job.waitingBytes += bytes.length;
    if (job === this.active && this.z !== null && job.waitingBytes >= GATHER) this.z.write(this.take(job, false));
  }

  /** The job's gathered bytes as one array (with the tail after them when `tail`), and none left gathered. */
  private take(job: Job, tail: boolean): Uint8Array {
    const parts = job.waiting;
    job.waiting = [];
    job.waitingBytes = 0;
    if (tail) parts.push(TAIL);
    return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  }

  end(): void {
    const job = this.feeding;
    if (job === null || job.ended) return;
    job.ended = true;
    if (job === this.active && !job.done) this.flush(job);
  }

  abandon(reason: string): void {
    const job = this.feeding;
    if (job === null || job.ended) return;
    job.ended = true;
    job.abandoned = reason;
    if (job === this.active && !job.done) this.drop(job, reason);
  }

  /** Starts the next job in the queue, if any and none is running. */
  private next(): void {
    while (this.active === null && this.queue.length > 0) {
      const job = this.queue[0] as Job;
      if (this.lost !== null && !this.noContextTakeover) {
        this.finish(job, { error: `Not inflated: ${this.lost}`, corrupt: false, trailingBytes: 0 });
        continue;
      }
      if (job.abandoned !== null) {
        this.drop(job, job.abandoned);
        continue;
      }
      this.active = job;
      const z = this.z ?? this.open();
      this.consumedAtStart = z.bytesWritten;
      if (job.ended) this.flush(job);
      else if (job.waitingBytes >= GATHER) z.write(this.take(job, false));
    }
  }

  private open(): InflateRaw {
    let z: InflateRaw;
    // Every write is sync-flushed (all its output comes out before its callback), so a write needs no flush after it.
    try {
      z = createInflateRaw({ windowBits: this.windowBits, chunkSize: OUTPUT_CHUNK, flush: constants.Z_SYNC_FLUSH });
    } catch {
      z = createInflateRaw({ windowBits: 15, chunkSize: OUTPUT_CHUNK, flush: constants.Z_SYNC_FLUSH });
    }
    z.on('data', (chunk: Buffer) => {
      const job = this.active;
      if (this.probing !== null && this.probing.job === job) this.probing.output += chunk.length;
      else if (job !== null && !job.done && this.z === z) job.sink.data(chunk);
    });
    z.on('error', (err: Error) => {
      if (this.z !== z) return;
      this.z = null;
      z.close();
      const job = this.active;
      if (!this.noContextTakeover) this.lost = 'an earlier compressed message in this direction was not valid DEFLATE data, and later ones depend on its window.';
      const probed = this.probing !== null && this.probing.job === job;
      this.probing = null;
      if (job !== null && !job.done) this.finish(job, { error: probed ? TRUNCATED : err.message, corrupt: true, trailingBytes: 0 });
    });
    this.z = z;
    return z;
  }

  private flush(job: Job): void {
    const z = this.z as InflateRaw;
    z.write(this.take(job, true), () => {
      if (job.done || this.z !== z) return;
      const consumed = z.bytesWritten - this.consumedAtStart;
      // zlib stops reading at the end of a block marked final: what it left unread of the
      // message proper came after that block. The tail itself may legitimately be left.
      let trailingBytes = Math.max(0, job.written - consumed);
      // RFC 7692 §7.2.3.4: after a BFINAL block a sender adds one 0x00 octet (the header bits of
      // an empty stored block) so the tail completes it; that octet is part of the rule.
      if (trailingBytes === 1 && job.lastByte === 0) trailingBytes = 0;
      if (consumed < job.written + TAIL.length) {
        // The stream is over; like ws, the next message starts a fresh one.
        this.z = null;
        z.close();
        this.finish(job, { error: null, corrupt: false, trailingBytes });
        return;
      }
      // An empty payload (the tail alone) is how some senders write an empty message; ws takes it.
      if (job.written === 0) {
        if (this.noContextTakeover) z.reset();
        this.finish(job, { error: null, corrupt: false, trailingBytes });
        return;
      }
      this.probeEnd(z, job, trailingBytes);
    });
  }

  /** Checks that the message ended at a block boundary (see PROBE), then finishes it. */
  private probeEnd(z: InflateRaw, job: Job, trailingBytes: number): void {
    this.probing = { job, output: 0 };
    z.write(PROBE, () => {
      const probe = this.probing;
      this.probing = null;
      if (job.done || this.z !== z || probe === null) return;
      if (probe.output > 0) {
        this.z = null;
        z.close();
        if (!this.noContextTakeover) this.lost = 'an earlier compressed message in this direction was cut short, and later ones depend on its window.';
        this.finish(job, { error: TRUNCATED, corrupt: true, trailingBytes: 0 });
        return;
      }
      if (this.noContextTakeover) z.reset(); // nothing else is in flight: jobs run one at a time
      this.finish(job, { error: null, corrupt: false, trailingBytes });
    });
  }

  /** The job will never end: its partial input poisons a shared window. */
  private drop(job: Job, reason: string): void {
    if (this.active === job && this.z !== null) {
      const z = this.z;
      this.z = null;
      z.close();
    }
    if (!this.noContextTakeover) this.lost ??= 'an earlier compressed message in this direction was cut short, and later ones depend on its window.';
    this.finish(job, { error: reason, corrupt: false, trailingBytes: 0 });
  }

  private finish(job: Job, result: InflateEnd): void {
    job.done = true;
    if (this.queue[0] === job) this.queue.shift();
    if (this.active === job) this.active = null;
    job.sink.end(result);
    this.next();
  }
}
