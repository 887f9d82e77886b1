// permessage-deflate decompression for one direction of a connection (RFC 7692 §7.2.2): ONE
// streaming raw-inflate stream (node:zlib, async, off the event loop) fed frame by frame, for
// the life of the connection, so the sliding window stays right whatever the message size and
// whatever the capture keeps. Messages are inflated one at a time, in order; each one's output
// goes to its own sink and ends with a sync flush after the 00 00 ff ff tail.
import { constants, createInflateRaw, inflateRawSync, type InflateRaw } from 'node:zlib';
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
/**
 * A whole message of at most this many compressed bytes is inflated on the event loop, with no
 * trip through the thread pool at all: one call of node:zlib's inflateRawSync (~10-17 µs, the window
 * handed over as its dictionary) where the two trips cost ~70 µs of CPU. Its output is capped at
 * SYNC_OUTPUT, so the loop is held well under a millisecond (a bomb of 8 MiB of zeros in 8 KiB is
 * stopped at the cap after 0.15 ms at worst; with a 1 MiB cap it held the loop 10 ms); a message
 * that inflates to more goes through the stream instead.
 */
const SYNC_MAX = 16 * 1024;
const SYNC_OUTPUT = 256 * 1024;
/** The most a sender may refer back (RFC 7692 §7.1.2.1: windowBits ≤ 15): the window kept with context takeover. */
const WINDOW = 32 * 1024;
/** Room past WINDOW in the window's buffer: the last WINDOW bytes move to its front once per SLIDE bytes inflated. */
const SLIDE = 16 * 1024;
const EMPTY = Buffer.alloc(0);
/** Sixteen bytes a stored block adds after a message inflated at once (see ENDING). */
const MARK = Buffer.from('framescope:mark.');
/**
 * What follows the tail when a message is inflated at once, in the same call: a stored block of
 * MARK's bytes, an empty stored block marked final (BFINAL 1), and one byte more. After a whole
 * message zlib stands at a block boundary, so its output ends with MARK and the stream ends just
 * before that last byte. A message cut inside a block leaves zlib decoding these bytes as Huffman
 * codes: other output, an error, or no end there (the job PROBE does for the stream). MARK never
 * reaches the window: the window is kept here, from the message's own output.
 */
const ENDING = Buffer.concat([Buffer.from([0x00, MARK.length, 0x00, ~MARK.length & 0xff, 0xff]), MARK, Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff, 0x00])]);

/** Messages inflated so far in this process: on the event loop, and through a zlib stream (tests and benches read it). */
export const inflatedMessages = { now: 0, streamed: 0 };

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
  /** The active job wrote to the stream (so it must end there too); where its input started. */
  private streaming = false;
  /**
   * The stream holds state no window describes: an empty message (the tail alone, which ws takes)
   * left it inside a stored block's header, and the next message is inflated from there, as ws does.
   */
  private pinned = false;
  /**
   * With context takeover, what this direction inflated last (RFC 7692 §7.2.2), at least its last
   * WINDOW bytes: the dictionary of a message inflated on the event loop, and of a stream opened
   * after one. Appended in place; the last WINDOW bytes move to the front when it is full.
   */
  private windowBytes: Buffer = EMPTY;
  private windowLength = 0;

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
    if (job === this.active && job.waitingBytes >= GATHER) this.stream().write(this.take(job, false));
  }

  /** The stream the active job writes to, opened if need be; notes where the job's input starts. */
  private stream(): InflateRaw {
    const z = this.z ?? this.open();
    if (!this.streaming) {
      this.streaming = true;
      this.consumedAtStart = z.bytesWritten;
    }
    return z;
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
      this.streaming = false;
      if (job.ended) this.flush(job);
      else if (job.waitingBytes >= GATHER) this.stream().write(this.take(job, false));
    }
  }

  private open(): InflateRaw {
    let z: InflateRaw;
    // Every write is sync-flushed (all its output comes out before its callback), so a write needs
    // no flush after it. A stream opened after messages inflated on the event loop starts from their window.
    this.pinned = false;
    const window = this.dictionary();
    const dictionary = window.length > 0 ? { dictionary: window } : {};
    try {
      z = createInflateRaw({ windowBits: this.windowBits, chunkSize: OUTPUT_CHUNK, flush: constants.Z_SYNC_FLUSH, ...dictionary });
    } catch {
      z = createInflateRaw({ windowBits: 15, chunkSize: OUTPUT_CHUNK, flush: constants.Z_SYNC_FLUSH, ...dictionary });
    }
    z.on('data', (chunk: Buffer) => {
      const job = this.active;
      if (this.probing !== null && this.probing.job === job) this.probing.output += chunk.length;
      else if (job !== null && !job.done && this.z === z) {
        this.remember(chunk);
        job.sink.data(chunk);
      }
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

  /** With context takeover, keeps the last WINDOW bytes of what this direction inflated. */
  private remember(out: Uint8Array): void {
    if (this.noContextTakeover || out.length === 0) return;
    if (out.length >= WINDOW) {
      this.windowBytes = Buffer.from(out.subarray(out.length - WINDOW));
      this.windowLength = WINDOW;
      return;
    }
    if (this.windowLength + out.length > this.windowBytes.length) {
      // Of what is held, only what the window still needs once `out` is in (out is under WINDOW).
      const keep = Math.min(this.windowLength, WINDOW - out.length);
      if (keep + out.length > this.windowBytes.length) {
        const grown = Buffer.allocUnsafe(Math.min(WINDOW + SLIDE, Math.max(2 * (keep + out.length), 1024)));
        this.windowBytes.copy(grown, 0, this.windowLength - keep, this.windowLength);
        this.windowBytes = grown;
      } else this.windowBytes.copyWithin(0, this.windowLength - keep, this.windowLength);
      this.windowLength = keep;
    }
    this.windowBytes.set(out, this.windowLength);
    this.windowLength += out.length;
  }

  /** The last WINDOW bytes inflated (empty without context takeover or after the stream began anew). */
  private dictionary(): Buffer {
    return this.windowBytes.subarray(Math.max(0, this.windowLength - WINDOW), this.windowLength);
  }

  private resetWindow(): void {
    this.windowBytes = EMPTY;
    this.windowLength = 0;
  }

  private flush(job: Job): void {
    if (!this.streaming && !this.pinned && job.written > 0 && job.written <= SYNC_MAX && this.inflateNow(job)) return;
    const z = this.stream();
    inflatedMessages.streamed++;
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
        this.resetWindow();
        this.finish(job, { error: null, corrupt: false, trailingBytes });
        return;
      }
      // An empty payload (the tail alone) is how some senders write an empty message; ws takes it.
      if (job.written === 0) {
        if (this.noContextTakeover) z.reset();
        else this.pinned = true;
        this.finish(job, { error: null, corrupt: false, trailingBytes });
        return;
      }
      this.probeEnd(z, job, trailingBytes);
    });
  }

  /**
   * Inflates a whole small message on the event loop, as the stream would: the same checks (an
   * error is corrupt data; input left after a final block is trailing bytes, and the next message
   * starts afresh; no MARK and stream end after the tail means the message stopped inside a block,
   * as PROBE's output does for the stream) and the same window.
   * Returns false, having changed nothing, when the message inflates to more than SYNC_OUTPUT.
   */
  private inflateNow(job: Job): boolean {
    // With context takeover an open stream's window would miss this message: the next stream
    // opens from the window instead. (Nothing is in it: jobs run one at a time.)
    if (this.z !== null && !this.noContextTakeover) {
      this.z.close();
      this.z = null;
    }
    const parts = job.waiting;
    const input = Buffer.concat([...parts, TAIL, ENDING]);
    const inputEnd = job.written + TAIL.length;
    const dictionary = this.dictionary();
    // Output in 2 KiB pieces: Node's pooled buffers, not a fresh 16 KiB allocation per message.
    const options = { windowBits: this.windowBits, chunkSize: 2048, finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: SYNC_OUTPUT, ...(dictionary.length > 0 ? { dictionary } : {}) };
    let out: Buffer;
    let consumed: number;
    try {
      const r = inflateRawSync(input, { ...options, info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      out = r.buffer;
      consumed = r.engine.bytesWritten;
    } catch (err) {
      // Larger than is inflated here at once: the stream takes the message, nothing changed.
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return false;
      consumed = -1;
      out = EMPTY;
    }
    job.waiting = [];
    job.waitingBytes = 0;
    inflatedMessages.now++;
    // The message's own input ended the stream (a final block): the same rules as the stream's (see flush()).
    if (consumed >= 0 && consumed < inputEnd) {
      let trailingBytes = Math.max(0, job.written - consumed);
      if (trailingBytes === 1 && job.lastByte === 0) trailingBytes = 0;
      this.resetWindow();
      if (out.length > 0) job.sink.data(out);
      this.finish(job, { error: null, corrupt: false, trailingBytes });
      return true;
    }
    // A whole message is followed by MARK and the stream's end, ENDING's last byte unread; any other
    // outcome is corrupt data or a message cut inside a block. Inflating the message alone tells which.
    if (consumed !== input.length - 1 || out.length < MARK.length || !out.subarray(out.length - MARK.length).equals(MARK)) {
      let error = TRUNCATED;
      let partial = EMPTY;
      try {
        partial = inflateRawSync(input.subarray(0, inputEnd), options);
      } catch (err) {
        error = (err as Error).message;
      }
      if (partial.length > 0) job.sink.data(partial);
      const reason = error === TRUNCATED ? 'was cut short' : 'was not valid DEFLATE data';
      if (!this.noContextTakeover) this.lost = `an earlier compressed message in this direction ${reason}, and later ones depend on its window.`;
      this.resetWindow();
      this.finish(job, { error, corrupt: true, trailingBytes: 0 });
      return true;
    }
    const own = out.subarray(0, out.length - MARK.length);
    this.remember(own);
    if (own.length > 0) job.sink.data(own);
    this.finish(job, { error: null, corrupt: false, trailingBytes: 0 });
    return true;
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
