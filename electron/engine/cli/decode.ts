// `framescope decode`: decode the raw bytes of one direction of a WebSocket stream (after the
// handshake) into one line per frame, or JSON Lines. Streams its input; bad bytes become
// violations and undecodable ranges, never a crash.
import { createReadStream } from 'node:fs';
import { createStreamInflater } from '../capture/inflater';
import { nativeParserHelpers } from '../capture/native-helpers';
import {
  DirectionDecoder,
  deflateFor,
  opcodeName,
  parseDeflateParams,
  toHex,
  type AssembledMessage,
  type DecodedFrame,
  type InflatedMessage,
  type Peer,
  type Violation,
} from '../../../shared/protocol/index';
import type { Command } from './command';
import { parseFlags, stringFlag, UsageError } from './flags';

/** Payload bytes printed per frame; the true length is always reported. */
const PREVIEW_BYTES = 4096;

export interface DecodedRecord {
  fin: boolean;
  rsv1: boolean;
  rsv2: boolean;
  rsv3: boolean;
  opcode: number;
  opcodeName: string;
  masked: boolean;
  maskKey: string | null;
  payloadLength: number;
  headerLength: number;
  offset: number;
  /** Hex of the unmasked payload; for a compressed single-frame message, of the inflated bytes. */
  payload: string;
  truncated: boolean;
  complete: boolean;
  compressed: boolean;
  /**
   * On the frame that completes a data message: the whole message, inflated and decoded. `length`
   * is its true size (inflated when compressed); `kept` how many of those bytes the decoder kept
   * (its budget, a Framescope limit); `payload` and `text` print at most 4096 of them.
   */
  message?: { frames: number; length: number; kept: number; payload: string; truncated: boolean; text?: string; inflateError?: string };
  violations: Array<Pick<Violation, 'code' | 'section' | 'message' | 'offset'>>;
}

function previewHex(bytes: Uint8Array): { hex: string; cut: boolean } {
  return bytes.length > PREVIEW_BYTES ? { hex: toHex(bytes.subarray(0, PREVIEW_BYTES), ''), cut: true } : { hex: toHex(bytes, ''), cut: false };
}

export function toRecord(frame: DecodedFrame, message: AssembledMessage | null, extra: Violation[], inflated: InflatedMessage | null = null): DecodedRecord {
  const singleCompressed = message !== null && message.compressed && message.frameCount === 1 && inflated !== null && inflated.error === undefined;
  const shown = singleCompressed ? inflated.bytes : frame.payload;
  const { hex, cut } = previewHex(shown);
  const record: DecodedRecord = {
    fin: frame.fin,
    rsv1: frame.rsv1,
    rsv2: frame.rsv2,
    rsv3: frame.rsv3,
    opcode: frame.opcode,
    opcodeName: opcodeName(frame.opcode),
    masked: frame.masked,
    maskKey: frame.maskKey ? toHex(frame.maskKey, '') : null,
    payloadLength: frame.payloadLength,
    headerLength: frame.headerLength,
    offset: frame.offset,
    payload: hex,
    truncated: cut || (singleCompressed ? inflated.truncated : frame.truncated),
    complete: frame.complete,
    compressed: message?.compressed ?? frame.rsv1,
    violations: [...frame.violations, ...extra, ...(inflated?.violations ?? [])].map(({ code, section, message: text, offset }) => ({ code, section, message: text, offset })),
  };
  if (message) {
    const body = inflated?.bytes ?? message.payload;
    const m = previewHex(body);
    const text = inflated !== null ? inflated.text : message.text;
    record.message = {
      frames: message.frameCount,
      length: inflated?.length ?? message.length,
      kept: body.length,
      payload: m.hex,
      truncated: m.cut || (inflated?.truncated ?? message.truncated),
      ...(text !== undefined ? { text: text.length > PREVIEW_BYTES ? text.slice(0, PREVIEW_BYTES) : text } : {}),
      ...(inflated?.error !== undefined ? { inflateError: inflated.error } : {}),
    };
  }
  return record;
}

/** "kept 1 MiB of 20 MiB": the decoder's budget, said as Framescope's limit, never a violation. */
export function keptNote(kept: number, length: number): string {
  return kept < length ? ` (Framescope kept ${formatSize(kept)} of ${formatSize(length)})` : '';
}

function formatSize(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${n} B`;
}

export function formatLine(r: DecodedRecord, index: number): string {
  const flags = [r.fin ? 'FIN' : 'fin=0', r.rsv1 ? 'RSV1' : '', r.rsv2 ? 'RSV2' : '', r.rsv3 ? 'RSV3' : ''].filter(Boolean).join(' ');
  const mask = r.masked ? `masked key=${r.maskKey}` : 'unmasked';
  const text = r.message?.text;
  const preview = text !== undefined ? JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text) : r.payload.slice(0, 48) + (r.payload.length > 48 ? '…' : '');
  const problems = r.violations.map((v) => `  ✗ §${v.section} ${v.message}`).join('\n');
  const m = r.message;
  const size = m !== undefined && (m.frames > 1 || r.compressed) ? ` message=${m.length}${keptNote(m.kept, m.length)}` : m !== undefined ? keptNote(m.kept, m.length) : '';
  const failed = m?.inflateError !== undefined ? `\n  not inflated: ${m.inflateError}` : '';
  return `#${index} @${r.offset} ${r.opcodeName.padEnd(12)} ${flags.padEnd(8)} ${mask.padEnd(22)} len=${r.payloadLength}${r.complete ? '' : ' (incomplete)'}${size}  ${preview}${problems ? `\n${problems}` : ''}${failed}`;
}

/**
 * Decodes a whole stream, calling `emit` for each frame and undecodable range, in order. Uses the
 * capture's own pipeline (DirectionDecoder and the streaming inflater), so a message of any size
 * inflates exactly; a frame that ends a compressed message is emitted once it is inflated.
 */
export async function decodeStream(
  input: AsyncIterable<Uint8Array>,
  options: { from: Peer; deflate: string | null },
  emit: (item: { frame: DecodedRecord } | { undecodable: { offset: number; length: number } }) => void,
): Promise<void> {
  let inflater;
  if (options.deflate !== null) {
    const params = parseDeflateParams(options.deflate);
    if ('error' in params) throw new UsageError(`--deflate: ${params.error}`);
    inflater = createStreamInflater(deflateFor(options.from, params));
  }
  // Items in stream order; an inflating message holds back what follows it.
  let chain: Promise<void> = Promise.resolve();
  const later = (make: () => Promise<void> | void): void => {
    chain = chain.then(make);
  };
  // The parser reports undecodable bytes chunk by chunk; a reader wants one range.
  let pending: { offset: number; length: number } | null = null;
  const flush = (): void => {
    if (pending) {
      const range = pending;
      later(() => emit({ undecodable: range }));
    }
    pending = null;
  };
  const decoder = new DirectionDecoder(
    { from: options.from, rsv1Allowed: options.deflate !== null, ...(inflater ? { inflater } : {}), ...nativeParserHelpers },
    {
      frame: (frame, result) => {
        flush();
        const inflation = result.message?.inflation;
        later(async () => emit({ frame: toRecord(frame, result.message, result.violations, inflation ? await inflation : null) }));
      },
      undecodable: (offset, length) => {
        if (pending && pending.offset + pending.length === offset) pending.length += length;
        else {
          flush();
          pending = { offset, length };
        }
      },
    },
  );
  for await (const chunk of input) {
    decoder.push(chunk);
    await chain; // bounded memory: never read far ahead of inflation
  }
  decoder.end();
  flush();
  await chain;
}

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'decode raw bytes of one direction of a WebSocket stream, one line per frame',
  usage: 'framescope decode [FILE|-] --from client|server [--deflate "permessage-deflate; ..."] [--json]',
  async run(argv, io) {
    const args = parseFlags(argv, { from: 'string', deflate: 'string', json: 'boolean' });
    const from = stringFlag(args, 'from');
    if (from !== 'client' && from !== 'server') throw new UsageError('--from must be client or server');
    if (args.positionals.length > 1) throw new UsageError('give one FILE, or - for standard input');
    const file = args.positionals[0] ?? '-';
    const input = file === '-' ? (io.stdin as AsyncIterable<Uint8Array>) : createReadStream(file);
    let index = 0;
    try {
      await decodeStream(input, { from, deflate: stringFlag(args, 'deflate') ?? null }, (item) => {
        if ('frame' in item) io.out(args.flags.json ? JSON.stringify(item.frame) : formatLine(item.frame, index++));
        else if (args.flags.json) io.out(JSON.stringify({ undecodable: item.undecodable }));
        else io.out(`   @${item.undecodable.offset} ${item.undecodable.length} undecodable bytes (the stream cannot be parsed past a fatal violation)`);
      });
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const e = err as NodeJS.ErrnoException;
      io.err(`framescope decode: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
      return 1;
    }
    return 0;
  },
};
