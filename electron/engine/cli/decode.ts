// `framescope decode`: decode the raw bytes of one direction of a WebSocket stream (after the
// handshake) into one line per frame, or JSON Lines. Streams its input; bad bytes become
// violations and undecodable ranges, never a crash.
import { createReadStream } from 'node:fs';
import { createInflater } from '../capture/inflater';
import {
  FrameParser,
  MessageAssembler,
  deflateFor,
  opcodeName,
  parseDeflateParams,
  toHex,
  type AssembledMessage,
  type DecodedFrame,
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
  /** On the frame that completes a data message: the whole message, inflated and decoded. */
  message?: { frames: number; length: number; payload: string; truncated: boolean; text?: string; inflateError?: string };
  violations: Array<Pick<Violation, 'code' | 'section' | 'message' | 'offset'>>;
}

function previewHex(bytes: Uint8Array): { hex: string; cut: boolean } {
  return bytes.length > PREVIEW_BYTES ? { hex: toHex(bytes.subarray(0, PREVIEW_BYTES), ''), cut: true } : { hex: toHex(bytes, ''), cut: false };
}

export function toRecord(frame: DecodedFrame, message: AssembledMessage | null, extra: Violation[]): DecodedRecord {
  const singleCompressed = message !== null && message.compressed && message.frameCount === 1 && message.inflated !== undefined;
  const shown = singleCompressed ? message.inflated! : frame.payload;
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
    truncated: cut || (!singleCompressed && frame.truncated),
    complete: frame.complete,
    compressed: message?.compressed ?? frame.rsv1,
    violations: [...frame.violations, ...extra].map(({ code, section, message: text, offset }) => ({ code, section, message: text, offset })),
  };
  if (message) {
    const body = message.inflated ?? message.payload;
    const m = previewHex(body);
    record.message = {
      frames: message.frameCount,
      length: message.inflated?.length ?? message.length,
      payload: m.hex,
      truncated: m.cut || message.truncated,
      ...(message.text !== undefined ? { text: message.text.length > PREVIEW_BYTES ? message.text.slice(0, PREVIEW_BYTES) : message.text } : {}),
      ...(message.inflateError ? { inflateError: message.inflateError } : {}),
    };
  }
  return record;
}

export function formatLine(r: DecodedRecord, index: number): string {
  const flags = [r.fin ? 'FIN' : 'fin=0', r.rsv1 ? 'RSV1' : '', r.rsv2 ? 'RSV2' : '', r.rsv3 ? 'RSV3' : ''].filter(Boolean).join(' ');
  const mask = r.masked ? `masked key=${r.maskKey}` : 'unmasked';
  const text = r.message?.text;
  const preview = text !== undefined ? JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text) : r.payload.slice(0, 48) + (r.payload.length > 48 ? '…' : '');
  const problems = r.violations.map((v) => `  ✗ §${v.section} ${v.message}`).join('\n');
  return `#${index} @${r.offset} ${r.opcodeName.padEnd(12)} ${flags.padEnd(8)} ${mask.padEnd(22)} len=${r.payloadLength}${r.complete ? '' : ' (incomplete)'}  ${preview}${problems ? `\n${problems}` : ''}`;
}

/** Decodes a whole stream, calling `emit` for each frame and undecodable range, in order. */
export async function decodeStream(
  input: AsyncIterable<Uint8Array>,
  options: { from: Peer; deflate: string | null },
  emit: (item: { frame: DecodedRecord } | { undecodable: { offset: number; length: number } }) => void,
): Promise<void> {
  let inflate;
  if (options.deflate !== null) {
    const params = parseDeflateParams(options.deflate);
    if ('error' in params) throw new UsageError(`--deflate: ${params.error}`);
    inflate = createInflater({ noContextTakeover: deflateFor(options.from, params).noContextTakeover }).inflate;
  }
  const parser = new FrameParser({ from: options.from, rsv1Allowed: options.deflate !== null });
  const assembler = new MessageAssembler({ inflate });
  // The parser reports undecodable bytes chunk by chunk; a reader wants one range.
  let pending: { offset: number; length: number } | null = null;
  const flush = () => {
    if (pending) emit({ undecodable: pending });
    pending = null;
  };
  const handle = (events: ReturnType<FrameParser['push']>) => {
    for (const event of events) {
      if (event.type === 'frame') {
        flush();
        const result = assembler.push(event.frame);
        emit({ frame: toRecord(event.frame, result.message, result.violations) });
      } else if (event.type === 'undecodable') {
        if (pending && pending.offset + pending.length === event.offset) pending.length += event.length;
        else {
          flush();
          pending = { offset: event.offset, length: event.length };
        }
      }
    }
  };
  for await (const chunk of input) handle(parser.push(chunk));
  handle(parser.end());
  flush();
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
