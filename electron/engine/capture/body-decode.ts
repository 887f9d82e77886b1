// Undoing a body's codings for the viewer (issue 14), streamed and bounded: chunked transfer coding
// (RFC 9112 §7.1) by the same reader the relay uses, then each content coding in reverse order of
// application (RFC 9110 §8.4: gzip, deflate, br) through node:zlib streams. Output stops at a cap
// (a decompression bomb of a few KiB must not take the engine's memory), and a body that is cut or
// still arriving decodes as far as its bytes go (zlib's sync flush) instead of failing.
import type { Transform } from 'node:stream';
import { brotliDecompressSync, constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { HttpBodyDecodeNote } from '../../../shared/api/bodies';
import { BodyReader } from '../proxy/body-reader';

export interface Decoded {
  bytes: Uint8Array;
  note: HttpBodyDecodeNote | null;
}

const CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'identity']);

/** Joins chunk data (framing dropped); `incomplete` when the last chunk never came. */
export function dechunk(wire: Uint8Array): { data: Uint8Array; incomplete: boolean; error: string | null } {
  const parts: Uint8Array[] = [];
  const reader = new BodyReader({ kind: 'chunked' }, (d) => parts.push(d.slice()));
  reader.push(wire);
  return { data: concat(parts), incomplete: !reader.done && !reader.failed, error: reader.failed ? reader.error : null };
}

function decoderFor(coding: string, raw: boolean): Transform {
  if (coding === 'br') return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
  if (coding === 'deflate') return raw ? createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH }) : createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
  return createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
}

/** Runs one coding's decoder over `input`, keeping at most `cap` bytes of output. */
function runDecoder(coding: string, input: Uint8Array, cap: number, raw = false): Promise<{ bytes: Uint8Array; capped: boolean; error: string | null }> {
  return new Promise((resolve) => {
    const stream = decoderFor(coding, raw);
    const out: Uint8Array[] = [];
    let length = 0;
    let settled = false;
    const done = (capped: boolean, error: string | null): void => {
      if (settled) return;
      settled = true;
      stream.destroy();
      resolve({ bytes: concat(out), capped, error });
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      const room = cap - length;
      out.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      length += Math.min(room, chunk.length);
      if (chunk.length >= room && length >= cap) done(true, null);
    });
    stream.on('error', (err: Error) => done(false, err.message));
    stream.on('end', () => done(false, null));
    // Fed in pieces so a large body never sits twice in zlib's input queue.
    const PIECE = 64 * 1024;
    for (let at = 0; at < input.length; at += PIECE) stream.write(input.subarray(at, at + PIECE));
    stream.end();
  });
}

type Step = { coding: string; data: Uint8Array; raw: boolean };
type Ran = { bytes: Uint8Array; capped: boolean; error: string | null };

/** Chunks joined, then each content coding undone in turn by `run` (streamed or sync). */
function* decodeSteps(wire: Uint8Array, chunked: boolean, codings: readonly string[], cap: number): Generator<Step, Decoded, Ran> {
  let data = wire;
  let note: HttpBodyDecodeNote | null = null;
  if (chunked) {
    const d = dechunk(wire);
    data = d.data;
    if (d.error !== null) return { bytes: data.subarray(0, cap), note: { code: 'failed', coding: 'chunked', message: d.error } };
    if (d.incomplete) note = { code: 'incomplete' };
  }
  for (const coding of [...codings].reverse()) {
    if (coding === 'identity') continue;
    if (!CODINGS.has(coding)) return { bytes: data.subarray(0, cap), note: { code: 'unsupported', coding } };
    let r = yield { coding, data, raw: false };
    // RFC 9110 §8.4.1.2 says "deflate" is zlib-wrapped; some servers send raw deflate anyway.
    if (r.error !== null && coding === 'deflate' && r.bytes.length === 0) r = yield { coding, data, raw: true };
    if (r.error !== null) return { bytes: r.bytes, note: { code: 'failed', coding, message: r.error } };
    data = r.bytes;
    if (r.capped) note = { code: 'capped', kept: data.length };
  }
  if (data.length > cap) return { bytes: data.subarray(0, cap), note: { code: 'capped', kept: cap } };
  return { bytes: data, note };
}

/** The body with its transfer and content codings undone, at most `cap` bytes of it (zlib streams). */
export async function decodeBody(wire: Uint8Array, chunked: boolean, codings: readonly string[], cap: number): Promise<Decoded> {
  return drive(decodeSteps(wire, chunked, codings, cap), (step) => runDecoder(step.coding, step.data, cap, step.raw));
}

/** The same, synchronously (HAR export): zlib's sync calls with an output limit. */
export function decodeBodySync(wire: Uint8Array, chunked: boolean, codings: readonly string[], cap: number): Decoded {
  const steps = decodeSteps(wire, chunked, codings, cap);
  let next = steps.next();
  while (!next.done) next = steps.next(runSync(next.value.coding, next.value.data, cap, next.value.raw));
  return next.value;
}

async function drive(steps: Generator<Step, Decoded, Ran>, run: (step: Step) => Promise<Ran>): Promise<Decoded> {
  let next = steps.next();
  while (!next.done) next = steps.next(await run(next.value));
  return next.value;
}

function runSync(coding: string, input: Uint8Array, cap: number, raw: boolean): Ran {
  const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: cap };
  try {
    const out =
      coding === 'br'
        ? brotliDecompressSync(input, { finishFlush: constants.BROTLI_OPERATION_FLUSH, maxOutputLength: cap })
        : coding === 'deflate'
          ? raw
            ? inflateRawSync(input, options)
            : inflateSync(input, options)
          : gunzipSync(input, options);
    return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.length), capped: false, error: null };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE') return { bytes: new Uint8Array(0), capped: true, error: null };
    return { bytes: new Uint8Array(0), capped: false, error: e.message };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
